// The shapes the organizer app reads from the API (see src/http/routes and src/http/presenters).
// Kept by hand on this side: the app depends on what the API promises, not on server internals.
import type { Role } from '#vocabulary/roles.js';

export type { Role };

export type Account = { id: string; email: string; name: string; instanceAdmin: boolean; hasPassword: boolean; disabled: boolean };
export type { MySession } from '#contracts/accounts.js';

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

// Support cards: the server's contract (decision 0018), with the states of decision 0023.
export type { CardDetail, CardSummary, CardText, Employer, ReviewCard } from '#contracts/cards.js';
import type { CardSummary as CardRow } from '#contracts/cards.js';
export type CardStatus = CardRow['status'];
export type CardMatch = CardRow['match'];
export type CardState = CardRow['state'];
export type CardNeed = CardRow['needs'][number];
export type { Publication } from '#contracts/public-numbers.js';

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
  actorName: string | null;
  actorAccountId: string | null;
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
