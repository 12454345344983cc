/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order in the result.
 * Scheme folders have hundreds of files; unbounded parallel reads or downloads would exhaust file handles or sockets.
 * After the first failure no new calls start, and the promise settles only when the running ones have finished, so
 * a caller's cleanup (removing a temp folder) never races a late write.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
