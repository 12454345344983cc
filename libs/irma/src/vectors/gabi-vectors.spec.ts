import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceEngine } from '../idemix/exp-engine.js';
import { allEngines } from '../idemix/fast-modexp.js';
import { gabiVectorsDir, runVectorDir } from './gabi-vectors.js';

const dir = gabiVectorsDir();

describe('gabi vectors', () => {
  it('the vector directory exists', () => {
    expect(existsSync(dir)).toBe(true);
  });

  const outcomes = existsSync(dir) ? runVectorDir(dir) : [];

  it('covers disclosure, signature and issuance at 1024 and 2048 bits', () => {
    const files = new Set(outcomes.map((o) => o.file));
    for (const bits of ['1024', '2048']) for (const kind of ['disclosure', 'signature', 'issuance']) {
      expect(files.has(`generated-${bits}.${kind}.json`)).toBe(true);
    }
    expect(outcomes.some((o) => o.expected)).toBe(true);
    expect(outcomes.some((o) => !o.expected)).toBe(true);
  });

  it('gives the same verdicts with the pure-BigInt reference and every other engine', () => {
    for (const engine of [referenceEngine, ...allEngines]) {
      const again = runVectorDir(dir, engine);
      expect(again.map((o) => o.actual), engine.name).toEqual(outcomes.map((o) => o.expected));
    }
  }, 120_000);

  it.each(outcomes.map((o) => [`${o.file} ${o.name}`, o] as const))('%s', (_label, o) => {
    expect(o.actual).toBe(o.expected);
  });
});
