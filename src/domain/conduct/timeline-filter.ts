import type { ConductKind, IncidentFilter, IncidentStatus } from '../../db/repositories/conduct-repository.js';

/** The timeline's filters as the organizer app names them (query parameters). */
export type TimelineFilter = { worksite?: string; kind?: ConductKind; actor?: string; provision?: string; status?: IncidentStatus; from?: string; to?: string };

export function toIncidentFilter(q: TimelineFilter): IncidentFilter {
  return { worksiteId: q.worksite, kind: q.kind, agentId: q.actor, provisionId: q.provision, status: q.status, from: q.from, to: q.to };
}

/** The filters that were set, as the audit row records them. */
export function describeFilterForAudit(q: TimelineFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
