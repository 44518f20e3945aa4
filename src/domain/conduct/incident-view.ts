import type { IncidentRecord } from '../../db/repositories/conduct-repository.js';
import type { Day } from '../calendar.js';
import { computeChargeDeadline, deadlineMonthsFor, type ChargeDeadline } from './charge-deadline.js';

/** An incident as organizers and counsel see it: the record and its charge deadline. */
export type IncidentView = IncidentRecord & { deadline: ChargeDeadline };

/** The incident with its deadline counted on `asOf`, a day of the campaign's calendar. */
export function withDeadline(record: IncidentRecord, asOf: Day): IncidentView {
  const months = deadlineMonthsFor(record.provisions.map((p) => p.deadlineMonths));
  return { ...record, deadline: computeChargeDeadline({ occurredOn: record.occurredOn, months, today: asOf, status: record.status }) };
}
