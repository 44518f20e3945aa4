import type { FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from '../../errors.js';
import { hasForbiddenControl } from '../../support/clean-text.js';

const MAX_DEPTH = 12;

function collect(value: unknown, path: string, problems: FieldProblem[], depth: number, seen = new Set<object>()): void {
  if (problems.length >= 20 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (hasForbiddenControl(value)) problems.push({ field: path, reason: 'contains control characters' });
    return;
  }
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, `${path}.${i}`, problems, depth + 1, seen));
    return;
  }
  // Parsed text only (JSON, forms and query strings, whose parser makes objects of its own
  // prototype): a stream or a multipart file is not text.
  if (typeof (value as { pipe?: unknown }).pipe === 'function' || seen.has(value)) return;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    if (hasForbiddenControl(key)) problems.push({ field: `${path}.${key.replace(/[^\x20-\x7e]/gu, '?')}`, reason: 'contains control characters' });
    collect(item, `${path}.${key}`, problems, depth + 1, seen);
  }
}

/**
 * Every text field of every form and API, the same way: a control character other than tab and
 * line breaks is refused with a 400 naming the field, before validation and before any route
 * sees it (src/support/clean-text.ts says why). One-line fields are tidied by their own schemas
 * with cleanLine.
 */
export function registerCleanInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems: FieldProblem[] = [];
    collect(request.params, 'params', problems, 0);
    collect(request.query, 'querystring', problems, 0);
    collect(request.body, 'body', problems, 0);
    if (problems.length > 0) {
      throw new AppError('validation_failed', `Some fields hold control characters: ${problems.map((p) => p.field).join(', ')}`, problems);
    }
  });
}
