import type { Figure } from '../types.js';

export type SummaryRow = Figure & { benchmark: string };

/** The closing table of a run: every figure, its value, its goal and whether this run met it. */
export function formatSummary(rows: SummaryRow[]): string {
  const table = [
    ['figure', 'value', 'goal', 'met'],
    ...rows.map((r) => [r.name, r.comparison ? `${r.value} (${r.comparison})` : r.value, r.goal?.text ?? '—', r.goal ? (r.goal.met ? 'yes' : 'NO') : '—']),
  ];
  const widths = table[0]!.map((_h, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(table[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n');
}
