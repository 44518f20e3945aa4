// How a support card arrived, how it was matched to the roster, and where it stands on the way
// from submitted to counted (decision 0023).

export const cardSources = ['electronic', 'paper'] as const;
/** `dismissed`: an organizer decided the card is not from a person on the roster. */
export const matchStatuses = ['matched', 'unmatched', 'ambiguous', 'resolved', 'dismissed'] as const;
export const matchMethods = ['email', 'employee_id', 'name_school', 'manual'] as const;

/**
 * submitted → confirmed (the signer answered the confirmation) → verified (matched to one roster
 * person and vouched for). Only verified cards count. `disputed`: the signer answered that they did
 * not sign; `dismissed`: not a roster person. Neither ever counts.
 */
export const cardStates = ['submitted', 'confirmed', 'verified', 'disputed', 'dismissed'] as const;
export type CardState = (typeof cardStates)[number];

/** The signer's answer to the confirmation transmission. */
export const confirmationAnswers = ['signed', 'not_signed'] as const;
/** How the answer came: the link in the message, or a reply an organizer recorded. */
export const confirmationMethods = ['link', 'reply'] as const;

/** How a card was verified. The first is automatic; paper cards are verified by whoever entered them. */
export const verificationMethods = ['personal_contact_on_file', 'paper_entry', 'in_person', 'phone', 'known_personal_email'] as const;
/** The methods an organizer or committee member records by hand. */
export const manualVerificationMethods = ['in_person', 'phone', 'known_personal_email'] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

/** What a waiting card still needs before it counts. */
export const cardNeeds = ['signer_answer', 'roster_match', 'verification'] as const;
export type CardNeed = (typeof cardNeeds)[number];
