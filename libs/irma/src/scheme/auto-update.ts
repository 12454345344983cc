import type { SchemeLogger } from './types.js';

/** Delay before the first run, as irmago's AutoUpdateSchemes (so startup is not held up by the network). */
const FIRST_RUN_DELAY_MS = 200;

/**
 * Runs `task` shortly after the call and then every `intervalMs`, never overlapping itself and never letting a
 * failure escape (it is logged). The timers do not keep the process alive. Returns the stop function.
 */
export function startPeriodic(intervalMs: number, task: () => Promise<void>, logger: SchemeLogger): () => void {
  let running = false;
  let stopped = false;
  const run = (): void => {
    if (running || stopped) return;
    running = true;
    task()
      .catch((error: unknown) => logger.error(`scheme auto-update failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, Math.min(FIRST_RUN_DELAY_MS, intervalMs));
  const every = setInterval(run, intervalMs);
  first.unref();
  every.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
}
