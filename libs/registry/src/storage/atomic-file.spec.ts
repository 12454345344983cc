import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileAtomic, readJsonFile, writeFileAtomic } from './atomic-file.js';
import { JsonFileTable } from './json-file-table.js';

const dirs: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'nutshell-atomic-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the content, leaves no temp file and sets the mode', async () => {
    const d = dir();
    const path = join(d, 'a.json');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new', 0o600);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(d)).toEqual(['a.json']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('never lets a reader see a half-written file', async () => {
    const path = join(dir(), 'big.json');
    const big = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(2_000_000) });
    await writeFileAtomic(path, big(0));
    let reads = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const text = await readFile(path, 'utf8');
        expect(() => JSON.parse(text)).not.toThrow();
        reads++;
      }
    })();
    for (let n = 1; n <= 20; n++) await writeFileAtomic(path, big(n));
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { n: number }).n).toBe(20);
  });

  it('keeps the old content and cleans up when the final rename fails', async () => {
    const d = dir();
    const target = join(d, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'keep');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('keep');
    expect(readdirSync(d)).toEqual(['target']);
  });

  it('reads missing files as undefined and refuses broken JSON', async () => {
    const d = dir();
    expect(await readJsonFile(join(d, 'none.json'))).toBeUndefined();
    writeFileSync(join(d, 'bad.json'), '{"torn":');
    await expect(readJsonFile(join(d, 'bad.json'))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});

describe('createFileAtomic', () => {
  it('creates once and never replaces, even when racing', async () => {
    const d = dir();
    const path = join(d, 'key.json');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => createFileAtomic(path, `writer ${i}`)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(readFileSync(path, 'utf8')).toBe(`writer ${winner}`);
    expect(readdirSync(d)).toEqual(['key.json']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('JsonFileTable', () => {
  it('loses no update under concurrent writers and persists them', async () => {
    const path = join(dir(), 'table.json');
    const table = new JsonFileTable<number>(path);
    await Promise.all(Array.from({ length: 50 }, (_, i) => table.update((rows) => rows.set(`k${i}`, i))));
    const reopened = new JsonFileTable<number>(path);
    expect((await reopened.entries()).length).toBe(50);
    expect(await reopened.get('k49')).toBe(49);
  });

  it('leaves memory and file unchanged when a change throws', async () => {
    const path = join(dir(), 'table.json');
    const table = new JsonFileTable<string>(path);
    await table.update((rows) => rows.set('a', '1'));
    await expect(
      table.update((rows) => {
        rows.set('b', '2');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await table.get('b')).toBeUndefined();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ a: '1' });
    await table.update((rows) => rows.set('c', '3'));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ a: '1', c: '3' });
  });
});
