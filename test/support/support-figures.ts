// The support numbers of one unit or school, as the filing preview names them: to compare the
// packet with the majority API's row for the same unit and day, whichever casing that row uses.

type Threshold = { needed: number; met: boolean; remaining: number };
export type Figures = { eligible: number; validCards: number; percent: number; thresholds: { showingOfInterest: Threshold; majority: Threshold; goal: Threshold } };

/** A row of GET /majority (a unit or a school): its id, name and numbers. */
export type MajorityRow = { id: string; name: string; eligible: number } & Record<string, unknown>;

const camel = (key: string): string => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), camelKeys(v)]));
}

export function figuresOf(row: MajorityRow): Figures {
  const r = camelKeys(row) as Figures;
  return { eligible: r.eligible, validCards: r.validCards, percent: r.percent, thresholds: r.thresholds };
}

/** The majority API's day, under its snake_case name and its camelCase one (decision 0019). */
export function asOfQuery(day: string): string {
  return `as_of=${day}&asOf=${day}`;
}
