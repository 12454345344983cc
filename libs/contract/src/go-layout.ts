import { goQuote } from './go-quote.js';

/*
 * A small re-implementation of Go's layout-driven `time.Parse`, limited to the elements of the two layouts the
 * Nuts contract code uses (the contract date layout and RFC 3339). It reproduces Go's leniencies (one- or two-digit
 * day and hour, any run of spaces for a space, case-insensitive names, an unrequested fractional second) and its
 * error texts, because those texts reach API clients of a Nuts node.
 */

/** The layout elements ("std chunks") this parser understands. */
type StdKind =
  | 'longWeekDay'
  | 'longMonth'
  | 'zeroMonth'
  | 'day'
  | 'zeroDay'
  | 'longYear'
  | 'hour'
  | 'zeroMinute'
  | 'zeroSecond'
  | 'iso8601ColonTZ';

interface LayoutChunk {
  /** Literal text before the element. */
  readonly prefix: string;
  readonly std: StdKind;
  /** How the element is spelled in the layout, used in error messages. */
  readonly stdText: string;
}

/** A Go layout string split into literal prefixes and elements. */
export interface GoLayout {
  readonly text: string;
  readonly chunks: readonly LayoutChunk[];
  /** Literal text after the last element. */
  readonly trailing: string;
}

/** Go's `Monday, 2 January 2006 15:04:05`, the layout of contract dates. */
export const CONTRACT_DATE_LAYOUT: GoLayout = {
  text: 'Monday, 2 January 2006 15:04:05',
  chunks: [
    { prefix: '', std: 'longWeekDay', stdText: 'Monday' },
    { prefix: ', ', std: 'day', stdText: '2' },
    { prefix: ' ', std: 'longMonth', stdText: 'January' },
    { prefix: ' ', std: 'longYear', stdText: '2006' },
    { prefix: ' ', std: 'hour', stdText: '15' },
    { prefix: ':', std: 'zeroMinute', stdText: '04' },
    { prefix: ':', std: 'zeroSecond', stdText: '05' },
  ],
  trailing: '',
};

/** Go's `time.RFC3339`, `2006-01-02T15:04:05Z07:00`. */
export const RFC3339_LAYOUT: GoLayout = {
  text: '2006-01-02T15:04:05Z07:00',
  chunks: [
    { prefix: '', std: 'longYear', stdText: '2006' },
    { prefix: '-', std: 'zeroMonth', stdText: '01' },
    { prefix: '-', std: 'zeroDay', stdText: '02' },
    { prefix: 'T', std: 'hour', stdText: '15' },
    { prefix: ':', std: 'zeroMinute', stdText: '04' },
    { prefix: ':', std: 'zeroSecond', stdText: '05' },
    { prefix: '', std: 'iso8601ColonTZ', stdText: 'Z07:00' },
  ],
  trailing: '',
};

/** Names by index (weekday 0 = Sunday, month 0 = January); matched as prefixes, ASCII-case-insensitively. */
export type NameTable = readonly string[];

/** The names a parse accepts for weekdays and months. */
export interface LayoutNames {
  readonly weekdays: NameTable;
  readonly months: NameTable;
}

/** Where a parsed value says its zone is: nowhere (use the default zone), `Z`, or a numeric offset. */
export type ParsedZone = { readonly kind: 'none' } | { readonly kind: 'utc' } | { readonly kind: 'offset'; readonly seconds: number };

/** The wall-clock fields of a successfully parsed value. */
export interface ParsedTimeFields {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nanosecond: number;
  readonly zone: ParsedZone;
}

/** Outcome of a layout parse; `error` is Go's `*time.ParseError` text. */
export type LayoutParseResult =
  | { readonly ok: true; readonly fields: ParsedTimeFields }
  | { readonly ok: false; readonly error: string };

const isDigitAt = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

function cutSpace(s: string): string {
  let i = 0;
  while (i < s.length && s[i] === ' ') i++;
  return s.slice(i);
}

/** Go's `skip`: a space in the layout matches one or more spaces; on failure the partly consumed rest is reported. */
function skip(value: string, prefix: string): { ok: boolean; rest: string } {
  let v = value;
  let p = prefix;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') return { ok: false, rest: v };
      p = cutSpace(p);
      v = cutSpace(v);
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) return { ok: false, rest: v };
    p = p.slice(1);
    v = v.slice(1);
  }
  return { ok: true, rest: v };
}

/** Go's `getnum`: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): { n: number; rest: string } | undefined {
  if (!isDigitAt(s, 0)) return undefined;
  if (!isDigitAt(s, 1)) {
    if (fixed) return undefined;
    return { n: s.charCodeAt(0) - 48, rest: s.slice(1) };
  }
  return { n: (s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), rest: s.slice(2) };
}

// Go folds only ASCII letters; a Unicode-aware fold would accept e.g. the Kelvin sign for "k".
function asciiFoldPrefix(value: string, name: string): boolean {
  if (value.length < name.length) return false;
  for (let i = 0; i < name.length; i++) {
    let c1 = value.charCodeAt(i);
    let c2 = name.charCodeAt(i);
    if (c1 === c2) continue;
    c1 |= 0x20;
    c2 |= 0x20;
    if (c1 !== c2 || c1 < 0x61 || c1 > 0x7a) return false;
  }
  return true;
}

/** Go's `lookup`: the first table entry that is a (case-insensitive) prefix of the value. */
function lookup(table: NameTable, value: string): { index: number; rest: string } | undefined {
  for (let index = 0; index < table.length; index++) {
    const name = table[index] ?? '';
    if (asciiFoldPrefix(value, name)) return { index, rest: value.slice(name.length) };
  }
  return undefined;
}

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigitAt(s, i)) return false;
  return true;
}

/** Go's `parseNanoseconds` for `.ddd` / `,ddd` with `n` characters including the separator. */
function parseNanoseconds(value: string, n: number): number | undefined {
  const digits = value.slice(1, Math.min(n, 10));
  if (!allDigits(digits)) return undefined;
  return Number(digits) * 10 ** (9 - digits.length);
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function cannotParse(layout: GoLayout, value: string, valueElem: string, layoutElem: string): LayoutParseResult {
  return {
    ok: false,
    error: `parsing time ${goQuote(value)} as ${goQuote(layout.text)}: cannot parse ${goQuote(valueElem)} as ${goQuote(layoutElem)}`,
  };
}

function withMessage(value: string, message: string): LayoutParseResult {
  return { ok: false, error: `parsing time ${goQuote(value)}${message}` };
}

/** Parses `value` against a Go layout, returning the wall-clock fields or Go's exact error text. */
export function parseWithLayout(layout: GoLayout, value: string, names: LayoutNames): LayoutParseResult {
  let rest = value;
  let year = 0;
  let month = -1;
  let day = -1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nanosecond = 0;
  let zone: ParsedZone = { kind: 'none' };

  for (const chunk of layout.chunks) {
    const skipped = skip(rest, chunk.prefix);
    if (!skipped.ok) return cannotParse(layout, value, skipped.rest, chunk.prefix);
    rest = skipped.rest;
    const hold = rest;
    let bad = false;
    let rangeError = '';

    switch (chunk.std) {
      case 'longYear': {
        if (rest.length < 4 || !isDigitAt(rest, 0)) {
          bad = true;
          break;
        }
        const p = rest.slice(0, 4);
        rest = rest.slice(4);
        if (allDigits(p)) year = Number(p);
        else bad = true;
        break;
      }
      case 'longMonth': {
        const found = lookup(names.months, rest);
        if (found === undefined) bad = true;
        else {
          month = found.index + 1;
          rest = found.rest;
        }
        break;
      }
      case 'zeroMonth': {
        const num = getnum(rest, true);
        if (num === undefined) bad = true;
        else {
          month = num.n;
          rest = num.rest;
          if (month <= 0 || month > 12) rangeError = 'month';
        }
        break;
      }
      case 'longWeekDay': {
        // Like Go, the weekday is only checked to be a weekday name, never against the date.
        const found = lookup(names.weekdays, rest);
        if (found === undefined) bad = true;
        else rest = found.rest;
        break;
      }
      case 'day':
      case 'zeroDay': {
        const num = getnum(rest, chunk.std === 'zeroDay');
        if (num === undefined) bad = true;
        else {
          day = num.n;
          rest = num.rest;
        }
        break;
      }
      case 'hour': {
        const num = getnum(rest, false);
        if (num === undefined) bad = true;
        else {
          hour = num.n;
          rest = num.rest;
          if (hour >= 24) rangeError = 'hour';
        }
        break;
      }
      case 'zeroMinute': {
        const num = getnum(rest, true);
        if (num === undefined) bad = true;
        else {
          minute = num.n;
          rest = num.rest;
          if (minute >= 60) rangeError = 'minute';
        }
        break;
      }
      case 'zeroSecond': {
        const num = getnum(rest, true);
        if (num === undefined) {
          bad = true;
          break;
        }
        second = num.n;
        rest = num.rest;
        if (second >= 60) {
          rangeError = 'second';
          break;
        }
        // Go accepts a fractional second that the layout does not ask for.
        if (rest.length >= 2 && (rest[0] === '.' || rest[0] === ',') && isDigitAt(rest, 1)) {
          let n = 2;
          while (isDigitAt(rest, n)) n++;
          const ns = parseNanoseconds(rest, n);
          if (ns === undefined) bad = true;
          else nanosecond = ns;
          rest = rest.slice(n);
        }
        break;
      }
      case 'iso8601ColonTZ': {
        if (rest.length >= 1 && rest[0] === 'Z') {
          rest = rest.slice(1);
          zone = { kind: 'utc' };
          break;
        }
        if (rest.length < 6 || rest[3] !== ':') {
          bad = true;
          break;
        }
        const sign = rest[0];
        const hh = getnum(rest.slice(1, 3), true);
        const mm = hh === undefined ? undefined : getnum(rest.slice(4, 6), true);
        rest = rest.slice(6);
        if (hh === undefined || mm === undefined) {
          bad = true;
          break;
        }
        if (hh.n > 24) rangeError = 'time zone offset hour';
        if (mm.n > 60) rangeError = 'time zone offset minute';
        const seconds = (hh.n * 60 + mm.n) * 60;
        if (sign === '+') zone = { kind: 'offset', seconds };
        else if (sign === '-') zone = { kind: 'offset', seconds: -seconds };
        else bad = true;
        break;
      }
    }
    if (rangeError !== '') return withMessage(value, `: ${rangeError} out of range`);
    if (bad) return cannotParse(layout, value, hold, chunk.stdText);
  }

  const end = skip(rest, layout.trailing);
  if (!end.ok) return cannotParse(layout, value, end.rest, layout.trailing);
  if (end.rest.length !== 0) return withMessage(value, `: extra text: ${goQuote(end.rest)}`);

  if (month < 0) month = 1;
  if (day < 0) day = 1;
  if (day < 1 || day > daysIn(month, year)) return withMessage(value, ': day out of range');

  return { ok: true, fields: { year, month, day, hour, minute, second, nanosecond, zone } };
}
