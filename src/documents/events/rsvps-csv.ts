import { stringify } from '../csv.js';
import type { RsvpRow } from '../../db/repositories/events-repository.js';
import { defuseCell } from '../spreadsheet-cell.js';

/** An event's RSVPs as CSV, one row per person, in the door list's order. */
export function renderRsvpsCsv(rows: readonly RsvpRow[]): string {
  return stringify(
    rows.map((r) => ({
      name: defuseCell(r.name),
      email: defuseCell(r.email),
      phone: defuseCell(r.phone),
      lang: r.lang,
      walkIn: r.walkIn,
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    { header: true, columns: ['name', 'email', 'phone', 'lang', 'walkIn', 'checkedInAt', 'createdAt'] },
  );
}
