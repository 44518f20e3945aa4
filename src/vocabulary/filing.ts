// The filing packet's words: which rules, which copy, which file, and why a card does not count.

export const filingJurisdictions = ['ca_perb', 'nlrb'] as const;
export const filingCopies = ['board', 'service'] as const;
export const filingFormats = ['pdf', 'csv', 'zip'] as const;
export const exceptionReasons = ['altered', 'disputed', 'no_match', 'ambiguous', 'not_in_unit', 'revoked', 'expired', 'not_verified', 'duplicate'] as const;
/** What an admin is warned of before generating a packet. */
export const warningCodes = ['below_showing_of_interest', 'below_majority', 'confirmation_not_recorded', 'confirmation_not_answered', 'cards_left_out'] as const;
