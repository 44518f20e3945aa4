import { AppError } from '../../errors.js';
import { datedAggregate, disclosureFor, type Disclosure } from '../policies/aggregate-policy.js';
import type { Actor } from '../policies/campaign-policy.js';
import { discloseCells, isSafeCount, type Cell } from '../policies/small-cells.js';
import type { Majority, WorksiteSupport } from './compute-majority.js';
import { supportFigures, type SupportFigures } from './thresholds.js';

type ShownThreshold = { needed: number; met: boolean | null; remaining: number | null };

/** Support figures as a requester may read them: counts of supporters withheld (null) where hidden. */
export type DisclosedFigures = {
  eligible: number;
  valid_cards: number | null;
  percent: number | null;
  thresholds: { showing_of_interest: ShownThreshold; majority: ShownThreshold; goal: ShownThreshold };
};

/** The figures, or the roster size alone with what is needed (nothing that counts supporters). */
export function figuresAsShown(f: SupportFigures, shown: boolean): DisclosedFigures {
  if (shown) return f;
  const hide = (t: SupportFigures['thresholds']['majority']): ShownThreshold => ({ needed: t.needed, met: null, remaining: null });
  return { eligible: f.eligible, valid_cards: null, percent: null, thresholds: { showing_of_interest: hide(f.thresholds.showing_of_interest), majority: hide(f.thresholds.majority), goal: hide(f.thresholds.goal) } };
}

/** True when nothing is withheld: the figures go out as computed (and as cached). */
export function isExact(d: DisclosedSupport): boolean {
  return d.disclosure.totals === 'exact' && d.disclosure.schools === 'exact';
}

/**
 * The support numbers as one requester may read them (aggregate-policy.ts, decision 0023): the
 * majority, scoped to their own worksites when that is their grant, and which of its figures they
 * may see. Hidden figures keep their roster size (the employer has the roster) and lose every
 * count of supporters.
 */
export type DisclosedSupport = {
  majority: Majority;
  /** How the totals and the per-school rows were disclosed; 'none' rows are not given at all. */
  disclosure: { totals: Disclosure; schools: Disclosure };
  totalShown: boolean;
  unitShown: (unitId: string) => boolean;
  schoolShown: (worksiteId: string) => boolean;
  /** A key for caches: requesters with the same key read the same figures. */
  key: string;
};

const everything = (): boolean => true;

// The same requester grant on today's numbers gives the same answer: kept per numbers object
// (today's Majority lives as long as the counters do not change).
const cache = new WeakMap<Majority, Map<string, DisclosedSupport>>();

export function discloseSupport(majority: Majority, actor: Actor, today: string): DisclosedSupport {
  const isToday = majority.asOf === today;
  const totals = disclosureFor(actor.role, datedAggregate('support.totals', isToday));
  const schools = disclosureFor(actor.role, datedAggregate('support.schools', isToday));
  if (totals === 'none' && schools === 'none') throw new AppError('forbidden', 'Support figures for a day other than today are for organizers and admins.');
  const scoped = totals === 'own-worksites' || schools === 'own-worksites';
  const key = `${totals}|${schools}|${scoped ? [...actor.worksiteIds].sort().join(',') : ''}`;
  const hit = cache.get(majority)?.get(key);
  if (hit) return hit;
  const result = compute(majority, actor, { totals, schools }, key);
  const forMajority = cache.get(majority) ?? new Map<string, DisclosedSupport>();
  if (forMajority.size >= 50) forMajority.clear();
  cache.set(majority, forMajority.set(key, result));
  return result;
}

function compute(full: Majority, actor: Actor, disclosure: DisclosedSupport['disclosure'], key: string): DisclosedSupport {
  const majority = disclosure.totals === 'own-worksites' || disclosure.schools === 'own-worksites' ? scopeTo(full, new Set(actor.worksiteIds)) : full;
  if (disclosure.totals === 'exact' && disclosure.schools === 'exact') return { majority, disclosure, totalShown: true, unitShown: everything, schoolShown: everything, key };

  // Cells of 5: supporters and the others are each 0 or at least 5 in every figure given, and in
  // what the given figures leave over from the totals given.
  const counts = (eligible: number, valid: number) => [valid, eligible - valid];
  const total = majority.units.reduce((t, u) => [t[0]! + u.figures.valid_cards, t[1]! + u.figures.eligible - u.figures.valid_cards], [0, 0]);
  const totalShown = total.every(isSafeCount);
  const units = discloseCells(majority.units.map((u) => ({ key: u.id, parts: new Map([['all', counts(u.figures.eligible, u.figures.valid_cards)]]) })));
  let shownSchools = new Set<string>();
  if (disclosure.schools !== 'none') {
    // A school is one cell across its units: the dashboard shows schools, the majority page a
    // school's units, and both must hide the same schools or one would be read off the other.
    const bySchool = new Map<string, WorksiteSupport[]>();
    for (const w of majority.worksites) bySchool.set(w.id, [...(bySchool.get(w.id) ?? []), w]);
    const cells: Cell<string>[] = [...bySchool].map(([id, rows]) => {
      const parts = new Map<string, number[]>();
      const all = [0, 0];
      for (const r of rows) {
        const c = counts(r.figures.eligible, r.figures.valid_cards);
        parts.set(`unit:${r.unitId}`, c);
        all[0]! += c[0]!;
        all[1]! += c[1]!;
      }
      parts.set('all', all);
      return { key: id, parts };
    });
    shownSchools = discloseCells(cells);
  }
  return { majority, disclosure, totalShown, unitShown: (id) => units.has(id), schoolShown: (id) => shownSchools.has(id), key };
}

/** The numbers of the requester's own worksites only: their rows, and units totalled over them. */
function scopeTo(m: Majority, worksiteIds: ReadonlySet<string>): Majority {
  const worksites = m.worksites.filter((w) => worksiteIds.has(w.id));
  const units = m.units.map((u) => {
    const rows = worksites.filter((w) => w.unitId === u.id);
    const eligible = rows.reduce((n, w) => n + w.figures.eligible, 0);
    const valid = rows.reduce((n, w) => n + w.figures.valid_cards, 0);
    return { ...u, figures: supportFigures(eligible, valid, m.goalPercent) };
  });
  return { ...m, units, worksites };
}
