// The shapes the organizer app reads from the API (see src/http/routes and src/http/presenters).
// Kept by hand on this side: the app depends on what the API promises, not on server internals.
import type { Role } from '#vocabulary/roles.js';

export type { Role };

export type Account = { id: string; email: string; name: string; instanceAdmin: boolean; hasPassword: boolean };

export type CampaignSummary = {
  slug: string;
  name: string;
  statement: string;
  jurisdiction: string;
  goalPercent: number;
  isDefault: boolean;
  role?: Role;
};

export type Me = { account: Account; campaigns: CampaignSummary[] };

export type Worksite = { id: string; name: string; city: string | null };
export type Unit = { id: string; name: string; description: string | null };

export type CampaignDetail = { campaign: CampaignSummary; worksites: Worksite[]; units: Unit[]; myWorksiteIds: string[] };

// The support numbers: the server's contract (camelCase, decision 0019).
export type { ActivityCounts, Dashboard, Growth, SchoolRow, SupportFigures, Threshold, UnitFigures } from '#contracts/majority.js';

export type CardStatus = 'valid' | 'not_yet_signed' | 'expired' | 'revoked';
export type CardMatch = { status: 'matched' | 'unmatched' | 'ambiguous' | 'resolved'; method: string | null; personId: string | null; personName: string | null };
export type CardSummary = {
  id: string;
  signerName: string;
  worksiteId: string;
  worksiteName: string;
  jobTitle: string;
  signedOn: string;
  source: 'electronic' | 'paper';
  status: CardStatus;
  expiresOn: string;
  revokedOn: string | null;
  match: CardMatch;
};
export type CardDetail = CardSummary & {
  email: string | null;
  phone: string | null;
  employeeId: string | null;
  employerName: string;
  cardTextVersion: number;
  cardText: string;
  signedAt: string | null;
  typedSignature: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  revocationReason: string | null;
  contentHash: string;
  hashVerified: boolean;
  scan: { filename: string; contentType: string; byteSize: number; sha256: string } | null;
  confirmation: { id: string; to: string; createdAt: string; sentAt: string | null; error: string | null } | null;
};
export type ReviewCard = CardSummary & { email: string | null; employeeId: string | null; candidates: { personId: string; name: string; employeeId: string | null; worksiteName: string | null }[] };
export type CardText = { id: string; version: number; title: string; body: string; createdAt: string };

export type RosterPerson = {
  personId: string;
  givenName: string;
  familyName: string;
  workEmail: string | null;
  employeeId: string | null;
  worksiteId: string;
  worksiteName: string;
  jobTitle: string | null;
  unitName: string | null;
};

export type Member = { accountId: string; email: string; name: string; role: Role; worksiteIds: string[] };

export type AuditEvent = {
  id: number;
  at: string;
  actorEmail: string | null;
  campaignId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

export type MailMessage = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  transport: 'smtp' | 'outbox';
  createdAt: string;
  sentAt: string | null;
  error: string | null;
  attempts: number;
  /** When an unsent message will be tried again; null when sent, held in the outbox, or given up. */
  nextAttemptAt: string | null;
};
