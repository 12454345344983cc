import { goQuote } from './go-quote.js';

/** A Go `time.Duration`: signed nanoseconds, within int64. */
export type GoDuration = bigint;

/** Outcome of parsing a Go duration; `error` is Go's `time.ParseDuration` text. */
export type DurationResult = { readonly ok: true; readonly nanoseconds: GoDuration } | { readonly ok: false; readonly error: string };

const NANOS_PER_UNIT: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // micro sign
  ['\u03bcs', 1_000n], // Greek mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const LIMIT = 1n << 63n;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Parses Go duration syntax (`1h30m`, `90m`, `1.5h`, `-2h`, `0`, units ns us µs μs ms s m h) with Go's overflow
 * rules, fraction handling and error texts, e.g. `time: unknown unit " minutes" in duration "15 minutes"`.
 */
export function parseGoDuration(input: string): DurationResult {
  const invalid = (): DurationResult => ({ ok: false, error: `time: invalid duration ${goQuote(input)}` });
  let s = input;
  let negative = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanoseconds: 0n };
  if (s === '') return invalid();

  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid();

    let i = 0;
    let whole = 0n;
    for (; isDigit(s[i]); i++) {
      if (whole > LIMIT / 10n) return invalid();
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > LIMIT) return invalid();
    }
    const consumedWhole = i > 0;
    s = s.slice(i);

    // Fraction digits beyond int64 precision are skipped, not rejected, as in Go's leadingFraction.
    let fraction = 0n;
    let scale = 1;
    let consumedFraction = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; isDigit(s[j]); j++) {
        if (overflow) continue;
        if (fraction > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const next = fraction * 10n + BigInt(s.charCodeAt(j) - 48);
        if (next > LIMIT) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      consumedFraction = j > 0;
      s = s.slice(j);
    }
    if (!consumedWhole && !consumedFraction) return invalid();

    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) return { ok: false, error: `time: missing unit in duration ${goQuote(input)}` };
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = NANOS_PER_UNIT.get(unitName);
    if (unit === undefined) return { ok: false, error: `time: unknown unit ${goQuote(unitName)} in duration ${goQuote(input)}` };

    if (whole > LIMIT / unit) return invalid();
    let value = whole * unit;
    if (fraction > 0n) {
      // Go computes this part in float64 and truncates; doing the same keeps odd fractions bit-identical.
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > LIMIT) return invalid();
    }
    total += value;
    if (total > LIMIT) return invalid();
  }
  if (negative) return { ok: true, nanoseconds: -total };
  if (total > LIMIT - 1n) return invalid();
  return { ok: true, nanoseconds: total };
}

const NUMBER_NANOS_PER_UNIT: ReadonlyMap<string, number> = new Map([...NANOS_PER_UNIT].map(([unit, nanos]) => [unit, Number(nanos)]));
// Wholes above this could lose precision once multiplied; such inputs take the bigint path.
const MAX_FAST_WHOLE = 2 ** 32;

/**
 * The nanoseconds of a duration made only of `<digits><unit>` parts (no fractions) whose total is a safe integer,
 * computed with plain numbers; `undefined` for anything else (including every invalid input), which callers then
 * give to `parseGoDuration`. Whenever it returns a number, `parseGoDuration` returns the same value.
 */
export function parseSimpleGoDuration(input: string): number | undefined {
  let i = 0;
  let negative = false;
  const first = input.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    i = 1;
  }
  if (input.length === i + 1 && input.charCodeAt(i) === 48) return 0;
  if (i === input.length) return undefined;
  let total = 0;
  while (i < input.length) {
    let whole = 0;
    const digitsFrom = i;
    for (let c = input.charCodeAt(i); c >= 48 && c <= 57; c = input.charCodeAt(++i)) {
      whole = whole * 10 + (c - 48);
      if (whole > MAX_FAST_WHOLE) return undefined;
    }
    if (i === digitsFrom) return undefined;
    const unitFrom = i;
    for (let c = input.charCodeAt(i); i < input.length && c !== 46 /* . */ && !(c >= 48 && c <= 57); c = input.charCodeAt(++i));
    const unit = NUMBER_NANOS_PER_UNIT.get(input.slice(unitFrom, i));
    if (unit === undefined || input.charCodeAt(i) === 46) return undefined;
    total += whole * unit;
    if (total > Number.MAX_SAFE_INTEGER) return undefined;
  }
  return negative && total !== 0 ? -total : total;
}
