export function formatRate(requestsPerSecond: number): string {
  return `${Math.round(requestsPerSecond).toLocaleString('en-US')} req/s`;
}

export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US')} ms`;
}

export function formatRatio(value: number, baseline: number): string {
  if (baseline <= 0) return 'n/a';
  return `${(value / baseline).toFixed(2)}×`;
}
