import { NutshellError } from '#errors';
import type { SchemeIndexEntry } from './types.js';

/** A parsed scheme `index`: scheme-prefixed path → lower-case hex SHA-256. */
export type SchemeIndex = ReadonlyMap<string, string>;

/**
 * Parses a scheme `index` (`<sha256 hex> <scheme>/<path>\n` per line, as irmago's SchemeManagerIndex.FromString)
 * and checks that every path lies inside `schemeId` and stays there (no `..`, no absolute or backslash paths).
 */
export function parseSchemeIndex(text: string, schemeId: string, file = `${schemeId}/index`): SchemeIndex {
  const index = new Map<string, string>();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.length === 0) return;
    const parts = line.split(' ');
    if (parts.length !== 2) throw new NutshellError('SCHEME_INVALID', `${file}: line ${i + 1} does not have two parts`);
    const [hash, path] = parts as [string, string];
    if (!/^[0-9a-fA-F]{64}$/.test(hash)) throw new NutshellError('SCHEME_INVALID', `${file}: line ${i + 1} has no SHA-256 hash`);
    if (!path.startsWith(`${schemeId}/`)) {
      throw new NutshellError('SCHEME_INVALID', `${file}: line ${i + 1} lists ${path}, outside scheme ${schemeId}`);
    }
    const segments = path.split('/');
    if (path.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new NutshellError('SCHEME_INVALID', `${file}: line ${i + 1} lists an unsafe path`);
    }
    index.set(path, hash.toLowerCase());
  });
  if (index.size === 0) throw new NutshellError('SCHEME_INVALID', `${file}: empty index`);
  return index;
}

/** The scheme id an index speaks about: the first path segment of its entries (all entries agree after parsing). */
export function indexSchemeId(text: string): string | undefined {
  const first = text.split('\n').find((l) => l.length > 0);
  const path = first?.split(' ')[1];
  const slash = path?.indexOf('/') ?? -1;
  return path !== undefined && slash > 0 ? path.slice(0, slash) : undefined;
}

/** Serialises entries the way `irma scheme sign` writes an index: sorted by path, one `hash path\n` per line. */
export function serializeSchemeIndex(entries: Iterable<SchemeIndexEntry>): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => `${e.sha256} ${e.path}\n`)
    .join('');
}
