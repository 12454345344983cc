import { readJsonFile, writeFileAtomic } from './atomic-file.js';

/**
 * A small keyed table kept as one JSON file, rewritten atomically on every change. Changes are serialised
 * within the process, so concurrent requests never overwrite each other's updates.
 */
export class JsonFileTable<V> {
  private rows: Map<string, V> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly path: string) {}

  /** The row under `key`. */
  async get(key: string): Promise<V | undefined> {
    return (await this.load()).get(key);
  }

  /** All rows in insertion order. */
  async entries(): Promise<Array<[string, V]>> {
    return [...(await this.load()).entries()];
  }

  /** Applies `change` to the rows and persists the result; the change is undone in memory when the write fails. */
  async update<R>(change: (rows: Map<string, V>) => R): Promise<R> {
    const run = this.queue.then(async () => {
      const rows = await this.load();
      const next = new Map(rows);
      const result = change(next);
      await writeFileAtomic(this.path, JSON.stringify(Object.fromEntries(next), null, 2) + '\n');
      this.rows = next;
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<Map<string, V>> {
    if (!this.rows) {
      const data = await readJsonFile(this.path);
      const rows = new Map<string, V>();
      if (data !== undefined && data !== null && typeof data === 'object' && !Array.isArray(data)) {
        for (const [k, v] of Object.entries(data as Record<string, V>)) rows.set(k, v);
      }
      this.rows ??= rows;
    }
    return this.rows;
  }
}
