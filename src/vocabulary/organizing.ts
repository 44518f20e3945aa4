// How organizers reach people.

export const conversationChannels = ['one_on_one', 'house_visit', 'call', 'text', 'email', 'meeting', 'other'] as const;

/** The usual 1–5 scale: 1 = leader / strong supporter … 5 = opposed (null = unknown). */
export const assessmentLevels = [1, 2, 3, 4, 5] as const;

/** Conversation issues are free, lower-case tags; these are the ones educators raise most. */
export const suggestedIssues = ['evaluations', 'retention', 'class size', 'pay', 'workload', 'special education', 'safety', 'voice', 'benefits', 'turnover'] as const;

export type ConversationChannel = (typeof conversationChannels)[number];
