import { stringify } from '../csv.js';
import type { RsvpRow } from '../../db/repositories/events-repository.js';
import type { OsdiPersonExportRow } from '../../db/repositories/osdi-people-repository.js';
import { defuseCell } from '../spreadsheet-cell.js';

// Action Network's activist columns (as the petition signers' export, with its `created_date`),
// so a file imports into Action Network as is. Tags are joined with a comma, as Action Network
// writes `can2_user_tags`.
export const actionNetworkColumns = ['first_name', 'last_name', 'email', 'zip_code', 'can2_phone', 'can2_subscription_status', 'can2_user_tags', 'created_date'] as const;

type Line = Record<(typeof actionNetworkColumns)[number], string>;

const render = (lines: Line[]): string => stringify(lines, { header: true, columns: [...actionNetworkColumns] });

function firstText(list: readonly Record<string, unknown>[] | undefined, field: string): string {
  const value = list?.[0]?.[field];
  return typeof value === 'string' ? value : '';
}

/** The campaign's public-side people (the `osdi_people` view) with their tags. */
export function renderActionNetworkPeopleCsv(rows: readonly OsdiPersonExportRow[]): string {
  return render(
    rows.map((p) => ({
      first_name: defuseCell(p.givenName),
      last_name: defuseCell(p.familyName),
      email: defuseCell(p.email),
      zip_code: defuseCell(firstText(p.details.postalAddresses, 'postal_code')),
      can2_phone: defuseCell(firstText(p.details.phoneNumbers, 'number')),
      can2_subscription_status: p.subscribed ?? p.details.emailStatus ?? '',
      can2_user_tags: defuseCell(p.tags.join(', ')),
      created_date: p.createdAt.toISOString(),
    })),
  );
}

/** One event's RSVPs. An RSVP has one name: its first word is the first name, the rest the last. */
export function renderActionNetworkRsvpsCsv(rows: readonly RsvpRow[]): string {
  return render(
    rows.map((r) => {
      const name = r.name.trim();
      const space = name.search(/\s/u);
      return {
        first_name: defuseCell(space < 0 ? name : name.slice(0, space)),
        last_name: defuseCell(space < 0 ? '' : name.slice(space).trim()),
        email: defuseCell(r.email),
        zip_code: '',
        can2_phone: defuseCell(r.phone),
        can2_subscription_status: '',
        can2_user_tags: '',
        created_date: r.createdAt.toISOString(),
      };
    }),
  );
}
