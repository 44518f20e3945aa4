import { stringify } from '../csv.js';
import type { SignatureRow } from '../../db/repositories/petitions-repository.js';
import { defuseCell } from '../spreadsheet-cell.js';

const columns = ['first_name', 'last_name', 'email', 'zip_code', 'city', 'relationship', 'comments', 'show_publicly', 'status', 'source', 'created_date', 'confirmed_date'];

/** A petition's signers as CSV, with Action Network's column names so the file imports elsewhere as is. */
export function renderPetitionSignersCsv(signers: readonly SignatureRow[]): string {
  return stringify(
    signers.map((s) => ({
      first_name: defuseCell(s.givenName),
      last_name: defuseCell(s.familyName),
      email: defuseCell(s.email),
      zip_code: s.postalCode ?? '',
      city: defuseCell(s.city),
      relationship: s.relationship,
      comments: defuseCell(s.comment),
      show_publicly: s.showPublicly ? 'yes' : 'no',
      status: s.status,
      source: s.source,
      created_date: s.createdAt.toISOString(),
      confirmed_date: s.confirmedAt ? s.confirmedAt.toISOString() : '',
    })),
    { header: true, columns },
  );
}
