import type { ImportResultBody, RosterImport, RosterImportDetailBody } from '../../contracts/roster.js';
import type { RosterImportDetail, RosterImportRow } from '../../db/repositories/roster-import-repository.js';
import type { ImportResult } from '../../domain/roster/run-roster-import.js';

/** What an import (or its preview) found: counts, and the first rows of each kind. */
export function presentImportResult(result: ImportResult): ImportResultBody {
  return {
    importId: result.importId,
    dryRun: result.dryRun,
    effectiveDate: result.effectiveDate,
    mode: result.mode,
    headers: result.headers,
    mapping: result.mapping,
    counts: result.counts,
    leavingEnded: result.leavingEnded,
    encoding: result.encoding,
    new: result.new,
    changed: result.changed,
    leaving: result.leaving,
    invalid: result.invalid,
  };
}

export function presentImport(row: RosterImportRow): RosterImport {
  return {
    id: row.id,
    by: row.actorLabel,
    fileName: row.fileName,
    effectiveDate: row.effectiveDate,
    mode: row.mode,
    counts: row.counts,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoneBy: row.undoneBy,
  };
}

export function presentImportDetail(row: RosterImportDetail): RosterImportDetailBody {
  return { ...presentImport(row), mapping: row.mapping, invalid: row.invalidRows };
}
