// Where a campaign files: California PERB or the NLRB.

export const jurisdictions = ['ca_perb', 'nlrb'] as const;
export type Jurisdiction = (typeof jurisdictions)[number];

export function isJurisdiction(value: unknown): value is Jurisdiction {
  return typeof value === 'string' && (jurisdictions as readonly string[]).includes(value);
}
