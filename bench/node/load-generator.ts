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

/** Runs one load job with autocannon in this process. */
export async function generateLoad(job: LoadJob): Promise<LoadOutcome> {
  const { paths, repeatEachPath = 1 } = job;
  let next = 0;
  const requests: AutocannonRequest[] | undefined =
    paths === undefined
      ? undefined
      : [{ method: job.method ?? 'GET', setupRequest: (request) => ({ ...request, path: paths[Math.floor(next++ / repeatEachPath) % paths.length] }) }];
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.durationSeconds,
    ...(job.method === undefined ? {} : { method: job.method }),
    ...(job.headers === undefined ? {} : { headers: job.headers }),
    ...(job.body === undefined ? {} : { body: job.body }),
    ...(requests === undefined ? {} : { requests }),
  });
  return { ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, seconds: result.duration };
}
