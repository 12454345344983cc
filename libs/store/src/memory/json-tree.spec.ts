import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyJsonTree, type JsonTree, toJsonTree } from './json-tree.js';

// JSON itself is the reference: whatever the walk does must equal a round trip through JSON text.
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) as string);

// Every mutable part of `a` must be a different object than the corresponding part of `b`.
function sharesNothing(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return true;
  if (a === b) return false;
  return Object.keys(a).every((k) => sharesNothing((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(Number.NaN),
  fc.constant(-0),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(() => 1),
  fc.date({ noInvalidDate: true }),
  fc.constant({ toJSON: () => ({ replaced: true }) }),
);
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), odd),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
})).node;

describe('toJsonTree', () => {
  it('equals a JSON round trip for any mix of plain data and values JSON treats specially', () => {
    fc.assert(
      fc.property(value, (v) => {
        if (v === undefined || typeof v === 'function') return;
        expect(toJsonTree(v)).toStrictEqual(viaJson(v));
      }),
    );
  });

  it('shares no object or array with its input', () => {
    fc.assert(
      fc.property(fc.json().map((text) => JSON.parse(text) as unknown), (v) => {
        expect(sharesNothing(toJsonTree(v), v)).toBe(true);
      }),
    );
  });

  it('keeps an own __proto__ key as a plain property', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown;
    const tree = toJsonTree(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(tree)).toBe(Object.prototype);
    expect(Object.keys(tree)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const copy = copyJsonTree(tree as JsonTree) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
  });

  it('fails as JSON does on bigints and cycles', () => {
    expect(() => toJsonTree({ n: 1n })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(() => toJsonTree(cyclic)).toThrow(TypeError);
  });

  it('applies toJSON and class instances as JSON does', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const input = { when: new Date(0), at: new Point(1, 2), list: [new Date(1), undefined] };
    expect(toJsonTree(input)).toStrictEqual(viaJson(input));
  });
});

describe('copyJsonTree', () => {
  it('copies deeply: equal, sharing no object or array', () => {
    fc.assert(
      fc.property(fc.json().map((text) => JSON.parse(text) as JsonTree), (tree) => {
        const copy = copyJsonTree(tree);
        expect(copy).toStrictEqual(tree);
        expect(sharesNothing(copy, tree)).toBe(true);
      }),
    );
  });
});
