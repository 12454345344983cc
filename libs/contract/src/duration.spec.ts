import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseSimpleGoDuration } from './duration.js';

const H = 3_600_000_000_000n;
const M = 60_000_000_000n;
const S = 1_000_000_000n;

function ns(input: string): bigint {
  const result = parseGoDuration(input);
  if (!result.ok) throw new Error(result.error);
  return result.nanoseconds;
}

function error(input: string): string {
  const result = parseGoDuration(input);
  if (result.ok) throw new Error(`unexpectedly parsed ${input}`);
  return result.error;
}

describe('parseGoDuration', () => {
  it('parses the documented forms', () => {
    expect(ns('1h30m')).toBe(H + 30n * M);
    expect(ns('90m')).toBe(90n * M);
    expect(ns('1.5h')).toBe(H + 30n * M);
    expect(ns('-2h')).toBe(-2n * H);
    expect(ns('+2h')).toBe(2n * H);
    expect(ns('0')).toBe(0n);
    expect(ns('-0')).toBe(0n);
    expect(ns('0s')).toBe(0n);
    expect(ns('2h45m30.5s')).toBe(2n * H + 45n * M + 30n * S + 500_000_000n);
  });

  it('knows every unit, including both micro signs', () => {
    expect(ns('1ns')).toBe(1n);
    expect(ns('1us')).toBe(1000n);
    expect(ns('1\u00b5s')).toBe(1000n);
    expect(ns('1\u03bcs')).toBe(1000n);
    expect(ns('1ms')).toBe(1_000_000n);
    expect(ns('1s')).toBe(S);
    expect(ns('1m')).toBe(M);
    expect(ns('1h')).toBe(H);
  });

  it('accepts fractions without a leading or trailing digit, and repeated units', () => {
    expect(ns('.5s')).toBe(500_000_000n);
    expect(ns('1.s')).toBe(S);
    expect(ns('1m1m')).toBe(2n * M);
  });

  it('truncates fractions below a nanosecond', () => {
    expect(ns('1.9ns')).toBe(1n);
    expect(ns('0.3333333333s')).toBe(333_333_333n);
  });

  it('gives the Nuts test error for "15 minutes"', () => {
    expect(error('15 minutes')).toBe('time: unknown unit " minutes" in duration "15 minutes"');
  });

  it("gives Go's other error texts", () => {
    expect(error('')).toBe('time: invalid duration ""');
    expect(error('-')).toBe('time: invalid duration "-"');
    expect(error('1')).toBe('time: missing unit in duration "1"');
    expect(error('10')).toBe('time: missing unit in duration "10"');
    expect(error('h')).toBe('time: invalid duration "h"');
    expect(error('.h')).toBe('time: invalid duration ".h"');
    expect(error('1hh')).toBe('time: unknown unit "hh" in duration "1hh"');
    expect(error('1d')).toBe('time: unknown unit "d" in duration "1d"');
    expect(error('1h ')).toBe('time: unknown unit "h " in duration "1h "');
    expect(error(' 1h')).toBe('time: invalid duration " 1h"');
    expect(error('1Ms')).toBe('time: unknown unit "Ms" in duration "1Ms"');
    expect(error('3 \u00e9s')).toBe('time: unknown unit " \\xc3\\xa9s" in duration "3 \\xc3\\xa9s"');
  });

  it('stays within int64 nanoseconds like Go', () => {
    expect(ns('2562047h47m16.854775807s')).toBe((1n << 63n) - 1n);
    expect(ns('-2562047h47m16.854775808s')).toBe(-(1n << 63n));
    expect(error('2562047h47m16.854775808s')).toBe('time: invalid duration "2562047h47m16.854775808s"');
    expect(error('9223372036854775808ns')).toBe('time: invalid duration "9223372036854775808ns"');
    expect(error('99999999999999999999h')).toBe('time: invalid duration "99999999999999999999h"');
    expect(error('3000000h')).toBe('time: invalid duration "3000000h"');
  });
});

describe('parseSimpleGoDuration', () => {
  it('reads plain durations with numbers', () => {
    expect(parseSimpleGoDuration('60m')).toBe(3_600_000_000_000);
    expect(parseSimpleGoDuration('-1h30m')).toBe(-5_400_000_000_000);
    expect(Object.is(parseSimpleGoDuration('-0'), 0)).toBe(true);
    expect(Object.is(parseSimpleGoDuration('-0s'), 0)).toBe(true);
  });

  it('leaves fractions, invalid input and values beyond 2^53 ns to parseGoDuration', () => {
    for (const input of ['1.5h', '', '-', 'h', '1', '1h.', '15 minutes', '3000h', '2562048h', '.5s', '1e3s']) {
      expect(parseSimpleGoDuration(input)).toBeUndefined();
    }
  });

  it('equals parseGoDuration whenever it answers, and answers every plain safe duration', () => {
    const unit = fc.constantFrom('ns', 'us', '\u00b5s', '\u03bcs', 'ms', 's', 'm', 'h', 'x', '', ' ', 'mss');
    const digits = fc.oneof(fc.integer({ min: 0, max: 9999 }).map(String), fc.stringMatching(/^[0-9]{1,22}$/));
    const part = fc.tuple(digits, fc.option(fc.constantFrom('.5', '.', '.25'), { nil: undefined }), unit).map(([d, f, u]) => `${d}${f ?? ''}${u}`);
    const input = fc.tuple(fc.constantFrom('', '-', '+'), fc.array(part, { minLength: 0, maxLength: 4 })).map(([sign, parts]) => sign + parts.join(''));
    fc.assert(
      fc.property(input, (text) => {
        const full = parseGoDuration(text);
        const simple = parseSimpleGoDuration(text);
        if (simple !== undefined) expect(full).toEqual({ ok: true, nanoseconds: BigInt(simple) });
        const plain = /^[-+]?([0-9]+(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/.test(text);
        // Every number up to 2^32 and a total within 2^53: the fast path must answer.
        const small = (text.match(/[0-9]+/g) ?? []).every((n) => BigInt(n) <= 2n ** 32n);
        const safe = full.ok && full.nanoseconds <= BigInt(Number.MAX_SAFE_INTEGER) && full.nanoseconds >= -BigInt(Number.MAX_SAFE_INTEGER);
        if (plain && small && safe) {
          expect(simple).toBe(Number(full.nanoseconds));
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
