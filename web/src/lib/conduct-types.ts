// The shapes of the employer-conduct API (src/http/routes/conduct-routes.ts, conduct-presenter.ts).

export type Option<T extends string = string> = { value: T; label: string };

export type Agent = { id: string; name: string; role: string; roleLabel: string; title: string; worksiteId: string | null };

export type Provision = { id: string; jurisdiction: string; code: string; title: string; description: string; deadlineMonths: number; defaultKinds: string[]; builtIn: boolean };

export type ConductOptions = {
  today: string;
  jurisdiction: string;
  kinds: Option[];
  statuses: Option[];
  agentRoles: Option[];
  agents: Agent[];
  provisions: Provision[];
  worksites: { id: string; name: string }[];
};

export type Attachment = { id: string; filename: string; mediaType: string; sizeBytes: number; sha256: string; description: string; uploadedAt: string; url: string };

export type DeadlineLevel = 'ok' | 'warning' | 'expired' | 'filed';

export type Quote = { id: string; position: number; text: string; speaker: { id: string; name: string } | null; source: string; attachmentId: string | null; pageFrom: number | null; pageTo: number | null };

export type Incident = {
  id: string;
  occurredOn: string;
  occurredTime: string | null;
  kind: string;
  kindLabel: string;
  title: string;
  description: string;
  status: string;
  statusLabel: string;
  chargeNumber: string | null;
  provisionsChosen: boolean;
  deadline: { deadline: string; daysLeft: number; level: DeadlineLevel };
  worksites: { id: string; name: string }[];
  agents: { id: string; name: string; role: string; roleLabel: string; title: string }[];
  witnesses: { id: string; name: string }[];
  provisions: { id: string; jurisdiction: string; code: string; title: string; deadlineMonths: number }[];
  attachments: Attachment[];
  quotes: Quote[];
  recordedBy: { id: string; name: string } | null;
  reportedBy: { type: 'account' | 'person'; id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
};

export type StatusChange = { status: string; statusLabel: string; chargeNumber: string | null; note: string; changedAt: string; changedBy: string | null };
