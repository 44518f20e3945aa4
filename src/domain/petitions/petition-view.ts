import type { PetitionRow, SignatureRow } from '../../db/repositories/petitions-repository.js';

/** A petition as organizers see it: the row and its signatures counted by status. */
export type PetitionView = { row: PetitionRow; counts: Record<SignatureRow['status'], number> };
