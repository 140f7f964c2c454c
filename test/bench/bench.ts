/** One benchmark: prints one JSON line `{"metric","value","unit","detail"}` (issue: "npm run bench"). */
export interface BenchResult {
  value: number;
  unit: string;
  detail?: Record<string, unknown>;
}
export interface Bench {
  metric: string; // e.g. 'realtime.parse'
  run(options: { input?: string }): Promise<BenchResult>;
}

/** p-th percentile of samples (nearest-rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
