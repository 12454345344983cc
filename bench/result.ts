/** One measured figure of a benchmark. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Human-readable goal, e.g. "≥ 60 % of bare Fastify". */
  readonly goal?: string;
  /** Whether the goal was met (absent when there is no goal). */
  readonly ok?: boolean;
}
