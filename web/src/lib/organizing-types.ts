// Shapes of the organizing API (roster import, people, assessments, conversations, committee
// lists, wall chart), as the routes in src/http/routes promise them.

export type PreviewPerson = {
  line: number | null;
  personId: string | null;
  givenName: string;
  familyName: string;
  employeeId: string | null;
  workEmail: string | null;
  worksiteName: string | null;
  jobTitle: string | null;
  unitName: string | null;
};

export type ImportDiff = {
  importId: string | null;
  dryRun: boolean;
  effectiveDate: string;
  mode: 'update' | 'full';
  headers: string[];
  mapping: Record<string, string>;
  counts: { rows: number; new: number; changed: number; unchanged: number; leaving: number; invalid: number };
  leavingEnded: number;
  new: PreviewPerson[];
  changed: (PreviewPerson & { changes: { field: string; from: string | null; to: string | null }[] })[];
  leaving: PreviewPerson[];
  invalid: { line: number; reason: string }[];
};

export type ImportSummary = {
  id: string;
  by: string;
  fileName: string | null;
  effectiveDate: string;
  mode: 'update' | 'full';
  counts: ImportDiff['counts'] & { leavingEnded?: number };
  status: 'applied' | 'undone';
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
};

export type Assessment = { id: number; personId: string; level: number | null; label: string; note: string; assessedBy: string | null; assessedAt: string | null };

export type Conversation = {
  id: string;
  personId: string;
  organizer: string;
  organizerAccountId: string | null;
  occurredAt: string;
  /** The day, when the conversation was logged without a time. */
  occurredOn: string | null;
  channel: string;
  issues: string[];
  notes: string;
  nextStep: string;
};

export type Task = {
  id: string;
  personId: string | null;
  conversationId: string | null;
  title: string;
  dueDate: string | null;
  assigneeAccountId: string | null;
  done: boolean;
  doneAt: string | null;
  createdAt: string;
  campaign?: { slug: string; name: string };
  personName?: string | null;
};

export type Employment = { id: string; worksiteId: string; worksiteName: string; unitId: string | null; unitName: string | null; jobTitle: string; startDate: string; endDate: string | null };

export type PersonDetail = {
  person: { id: string; givenName: string; familyName: string; employeeId: string | null; workEmail: string | null; personalEmail: string | null; phone: string | null };
  employment: Employment[];
  onListOf: string | null;
  latestAssessment: Assessment | null;
  assessments: Assessment[] | null;
  conversations: Conversation[] | null;
  tasks: Task[] | null;
};

export type CoverageSite = {
  worksiteId: string;
  worksiteName: string;
  people: number;
  assigned: number;
  contactedRecently: number;
  unassigned: { personId: string; name: string; listOwner: string | null; lastConversationAt: string | null }[];
  notContacted: { personId: string; name: string; listOwner: string | null; lastConversationAt: string | null }[];
};

export type CommitteeMember = { accountId: string; name: string; email: string; worksiteIds: string[] };
export type CommitteeList = { accountId: string; name: string; email: string; people: { personId: string; name: string }[] };

export type WallChart = {
  asOf: string;
  columns: { worksiteId: string; worksiteName: string; totals: { people: number; signedCards: number; supporters: number | null }; cells: { personId: string; name: string; jobTitle: string; level: number | null; assessmentHidden: boolean; cardStatus: 'none' | 'signed' | 'expired' | 'revoked' }[] }[];
};

export const levelNames: Record<string, string> = {
  '1': '1 · Leader',
  '2': '2 · Supporter',
  '3': '3 · Undecided',
  '4': '4 · Leaning against',
  '5': '5 · Opposed',
  unknown: 'Unknown',
};

export const channelLabels: Record<string, string> = {
  one_on_one: 'One-on-one',
  house_visit: 'House visit',
  call: 'Phone call',
  text: 'Text',
  email: 'Email',
  meeting: 'Meeting',
  other: 'Other',
};

export const personPagePath = (slug: string, personId: string): string => `/app/c/${encodeURIComponent(slug)}/person/${personId}`;
