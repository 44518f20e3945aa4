import type { ImportListRow } from '../../db/repositories/roster-import-repository.js';
import type { ImportResult } from '../../domain/roster/roster-import-service.js';

export function presentImportResult(result: ImportResult) {
  return {
    importId: result.importId,
    dryRun: result.dryRun,
    effectiveDate: result.effectiveDate,
    mode: result.mode,
    headers: result.headers,
    mapping: result.mapping,
    counts: result.counts,
    leavingEnded: result.leavingEnded,
    new: result.new,
    changed: result.changed,
    leaving: result.leaving,
    invalid: result.invalid,
  };
}

export function presentImport(row: ImportListRow & { mapping?: Record<string, string>; invalid_rows?: { line: number; reason: string }[] }) {
  return {
    id: row.id,
    by: row.actor_label,
    fileName: row.file_name,
    effectiveDate: row.effective_date,
    mode: row.mode,
    counts: row.counts,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    undoneAt: row.undone_at ? new Date(row.undone_at).toISOString() : null,
    undoneBy: row.undone_by,
    ...(row.mapping ? { mapping: row.mapping } : {}),
    ...(row.invalid_rows ? { invalid: row.invalid_rows } : {}),
  };
}
