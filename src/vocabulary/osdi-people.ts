// A supporter who signed up over the OSDI API (decision 0036): pending until their address confirms.
export const supporterStatuses = ['pending', 'confirmed'] as const;
export type SupporterStatus = (typeof supporterStatuses)[number];
