// How organizers reach people.

export const conversationChannels = ['one_on_one', 'house_visit', 'call', 'text', 'email', 'meeting', 'other'] as const;

/** The usual 1–5 scale: 1 = leader / strong supporter … 5 = opposed (null = unknown). */
export const assessmentLevels = [1, 2, 3, 4, 5] as const;
