import { AppError, type FieldProblem } from '../../errors.js';
import { normalizeEmailDomain } from '../cards/employer-email.js';

// The rules set-up entries follow, whether added or changed later.

/** Email domains, lower-cased and without repeats; a line that is not a domain is a problem. */
export function cleanEmailDomains(raw: string[], problems: FieldProblem[]): string[] {
  const domains: string[] = [];
  raw.forEach((value, i) => {
    if (value.trim() === '') return;
    const domain = normalizeEmailDomain(value);
    if (!domain) problems.push({ field: `emailDomains.${i}`, reason: 'is not a domain (e.g. district.example)' });
    else if (!domains.includes(domain)) domains.push(domain);
  });
  return domains;
}

/** Job titles, trimmed, without repeats (whatever their case). */
export function cleanJobTitles(raw: string[]): string[] {
  const titles: string[] = [];
  for (const value of raw) {
    const title = value.trim();
    if (title !== '' && !titles.some((t) => t.toLowerCase() === title.toLowerCase())) titles.push(title);
  }
  return titles;
}

/** A name another row of the same kind already has (case-blind) is refused. */
export function refuseTakenName(name: string, others: { id: string; name: string }[], selfId: string | null, what: 'employer' | 'school' | 'unit'): void {
  if (others.some((o) => o.id !== selfId && o.name.toLowerCase() === name.toLowerCase())) {
    const a = what === 'employer' ? 'an' : 'a';
    throw new AppError('conflict', `The campaign already has ${a} ${what} named "${name}".`, [{ field: 'name', reason: `is already ${a} ${what} of this campaign` }]);
  }
}

/** "2 people", "1 card". */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
