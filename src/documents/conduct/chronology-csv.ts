import { stringify } from '../csv.js';
import type { Chronology } from '../../domain/conduct/build-chronology.js';
import { agentRoleLabels, describeStatus, kindLabels } from '../../domain/conduct/conduct-vocabulary.js';
import { formatCitation } from '../../domain/conduct/exhibits.js';

const columns = [
  'number', 'date', 'time', 'kind', 'title', 'worksites', 'actors', 'provisions', 'charge_deadline', 'deadline_level', 'days_left',
  'status', 'charge_number', 'description', 'quotes', 'witnesses', 'reported_by', 'exhibits', 'incident_id',
] as const;

/** One row per incident, for counsel's spreadsheets; exhibits are cited by the same numbers as the PDF. */
export function renderChronologyCsv(chronology: Chronology): string {
  const exhibitOf = new Map(chronology.exhibits.map((e) => [e.attachment.id, e.number]));
  const rows = chronology.incidents.map((incident, index) => ({
    number: index + 1,
    date: incident.occurredOn,
    time: incident.occurredTime ?? '',
    kind: kindLabels[incident.kind],
    title: incident.title,
    worksites: incident.worksites.map((w) => w.name).join('; '),
    actors: incident.agents.map((a) => `${a.name} (${a.title || agentRoleLabels[a.role]})`).join('; '),
    provisions: incident.provisions.map((p) => p.code).join('; '),
    charge_deadline: incident.deadline.deadline,
    deadline_level: incident.deadline.level,
    days_left: incident.deadline.daysLeft,
    status: describeStatus(incident.status, incident.chargeNumber),
    charge_number: incident.chargeNumber ?? '',
    description: incident.description,
    quotes: incident.quotes
      .map((q) => {
        const citation = formatCitation(q.attachmentId ? exhibitOf.get(q.attachmentId) : undefined, q.pageFrom, q.pageTo);
        const attribution = [q.speaker?.name, q.source, citation].filter(Boolean).join(', ');
        return attribution ? `“${q.text}” — ${attribution}` : `“${q.text}”`;
      })
      .join('\n'),
    witnesses: incident.witnesses.map((w) => w.name).join('; '),
    reported_by: incident.reportedBy?.name ?? '',
    exhibits: incident.attachments.map((a) => `Exhibit ${exhibitOf.get(a.id) ?? '?'}: ${a.filename}`).join('; '),
    incident_id: incident.id,
  }));
  return stringify(rows, { header: true, columns: [...columns] });
}
