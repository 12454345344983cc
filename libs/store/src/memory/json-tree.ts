/**
 * A value as it would come back from `JSON.parse(JSON.stringify(value))`: only plain objects, arrays, strings,
 * finite numbers, booleans and null. The memory store keeps these instead of JSON text, so a read costs a
 * structural copy (strings are immutable and shared) instead of a parse that copies every string again.
 */
export type JsonTree = string | number | boolean | null | JsonTree[] | { [key: string]: JsonTree };

// Returned from the walk when a value needs JSON's own rules (toJSON, class instances, bigint, cycles, …).
const UNUSUAL = Symbol('unusual');

// Deeper than any session record; past this the walk hands over to JSON, which also reports cycles.
const MAX_DEPTH = 64;

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // An own `__proto__` key (JSON.parse makes one) must stay a plain property, never become the prototype.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

function walk(value: unknown, depth: number): JsonTree | undefined | typeof UNUSUAL {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON writes NaN and ±Infinity as null and -0 as 0.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      return UNUSUAL;
    case 'object':
      break;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return UNUSUAL;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return UNUSUAL;
    const out: JsonTree[] = new Array<JsonTree>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = walk(value[i], depth + 1);
      if (item === UNUSUAL) return UNUSUAL;
      out[i] = item === undefined ? null : item;
    }
    return out;
  }
  if (!isPlainObject(value as object)) return UNUSUAL;
  const source = value as Record<string, unknown>;
  const out: Record<string, JsonTree> = {};
  for (const key of Object.keys(source)) {
    const item = walk(source[key], depth + 1);
    if (item === UNUSUAL) return UNUSUAL;
    if (item !== undefined) setOwn(out, key, item);
  }
  return out;
}

/**
 * A fresh `JsonTree` equal to `JSON.parse(JSON.stringify(value))`, sharing nothing mutable with `value`. Plain
 * data is copied by a walk; anything else (Dates, toJSON, class instances, bigints, cycles) goes through JSON
 * itself, so the result and the errors are JSON's.
 */
export function toJsonTree(value: unknown): JsonTree {
  const tree = walk(value, 0);
  if (tree !== UNUSUAL && tree !== undefined) return tree;
  return JSON.parse(JSON.stringify(value) as string) as JsonTree;
}

/** A structural copy of a `JsonTree`: new objects and arrays, shared (immutable) strings. */
export function copyJsonTree(tree: JsonTree): JsonTree {
  if (typeof tree !== 'object' || tree === null) return tree;
  if (Array.isArray(tree)) return tree.map(copyJsonTree);
  const out: Record<string, JsonTree> = {};
  for (const key of Object.keys(tree)) setOwn(out, key, copyJsonTree(tree[key] as JsonTree));
  return out;
}
