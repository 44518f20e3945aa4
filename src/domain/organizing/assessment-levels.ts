// The usual organizing scale. 1s and 2s are the "likely yes" count the dashboard shows.
import { assessmentLevels } from '../../vocabulary/organizing.js';

export { assessmentLevels };
export type AssessmentLevel = (typeof assessmentLevels)[number];

export const levelLabels: Record<AssessmentLevel | 'unknown', string> = {
  1: 'Leader / strong supporter',
  2: 'Supporter',
  3: 'Undecided',
  4: 'Leaning against',
  5: 'Opposed',
  unknown: 'Unknown',
};

export type LevelCounts = { 1: number; 2: number; 3: number; 4: number; 5: number; unknown: number; total: number; likelyYes: number };

export const emptyCounts = (): LevelCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, unknown: 0, total: 0, likelyYes: 0 });

export function levelKey(level: number | null): AssessmentLevel | 'unknown' {
  return level !== null && (assessmentLevels as readonly number[]).includes(level) ? (level as AssessmentLevel) : 'unknown';
}

/** Adds `n` people at `level` (null = not rated or rated unknown). */
export function addToCounts(counts: LevelCounts, level: number | null, n: number): void {
  const key = levelKey(level);
  counts[key] += n;
  counts.total += n;
  if (key === 1 || key === 2) counts.likelyYes += n;
}

/** Folds (unit, worksite, level, n) rows into per-unit and per-worksite counts. */
export function summarizeLevels(rows: readonly { unitId: string; worksiteId: string; level: number | null; n: number }[]) {
  const units = new Map<string, LevelCounts>();
  const worksites = new Map<string, LevelCounts>();
  const total = emptyCounts();
  for (const row of rows) {
    if (!units.has(row.unitId)) units.set(row.unitId, emptyCounts());
    if (!worksites.has(row.worksiteId)) worksites.set(row.worksiteId, emptyCounts());
    addToCounts(units.get(row.unitId)!, row.level, row.n);
    addToCounts(worksites.get(row.worksiteId)!, row.level, row.n);
    addToCounts(total, row.level, row.n);
  }
  return { units, worksites, total };
}
