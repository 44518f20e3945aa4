// The filing packet's words: which rules, which copy, which file, and why a card does not count.

export const filingJurisdictions = ['ca_perb', 'nlrb'] as const;
export const filingCopies = ['board', 'service'] as const;
export const filingFormats = ['pdf', 'csv', 'zip'] as const;
export const exceptionReasons = ['altered', 'no_match', 'ambiguous', 'not_in_unit', 'revoked', 'expired', 'duplicate'] as const;
