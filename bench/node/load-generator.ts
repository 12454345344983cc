import autocannon, { type AutocannonRequest } from 'autocannon';

/** One load run, as the benchmark hands it to the generator process on stdin. */
export interface LoadJob {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Paths to walk, each requested `repeatEachPath` times, in order (for stateful endpoints such as dummy polls). */
  readonly paths?: readonly string[];
  readonly repeatEachPath?: number;
}

/** What the generator reports back on stdout. */
export interface LoadOutcome {
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly seconds: number;
}

/**
 * Runs one load job with autocannon in this process, as one single-connection autocannon per connection for every
 * job, so all targets see the same load shape. A path walk gives each connection its own prebuilt share of the
 * walk: autocannon then sends prepared buffers, as it does for a fixed URL, instead of rebuilding every request in
 * `setupRequest` (which made the generator, not the server, set the pace of the walk, and raised the server's CPU
 * per request by serving it fewer requests per wakeup).
 */
export async function generateLoad(job: LoadJob): Promise<LoadOutcome> {
  const { paths, repeatEachPath = 1 } = job;
  const common = {
    url: job.url,
    duration: job.durationSeconds,
    ...(job.method === undefined ? {} : { method: job.method }),
    ...(job.headers === undefined ? {} : { headers: job.headers }),
    ...(job.body === undefined ? {} : { body: job.body }),
  };
  // Paths are dealt round-robin, so no two connections ever poll the same session.
  const shares: (AutocannonRequest[] | undefined)[] = Array.from({ length: job.connections }, () => (paths === undefined ? undefined : []));
  paths?.forEach((path, i) => {
    const share = shares[i % job.connections];
    for (let r = 0; r < repeatEachPath; r++) share?.push({ method: job.method ?? 'GET', path });
  });
  const results = await Promise.all(shares.map((requests) => autocannon({ ...common, connections: 1, ...(requests === undefined ? {} : { requests }) })));
  const sum = (pick: (r: (typeof results)[number]) => number) => results.reduce((total, r) => total + pick(r), 0);
  return {
    ok: sum((r) => r['2xx']),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    seconds: Math.max(...results.map((r) => r.duration)),
  };
}
