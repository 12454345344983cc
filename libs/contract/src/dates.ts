import { DateTime } from 'luxon';
import { CONTRACT_DATE_LAYOUT, parseWithLayout, type LayoutNames } from './go-layout.js';
import { translateDutchNames } from './dutch-names.js';
import { goQuote } from './go-quote.js';
import type { ContractLocale } from './types.js';
import { CONTRACT_TIME_ZONE, amsterdamWallClockAt, amsterdamWallClockToMillis, type WallClock, type ZonedWallClock } from './zone.js';

// Index 0 is Sunday, as in Go. Names come from fixed tables, not Intl, so output never depends on the ICU build.
const WEEKDAYS: Readonly<Record<ContractLocale, readonly string[]>> = {
  nl_NL: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  en_US: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const MONTHS: Readonly<Record<ContractLocale, readonly string[]>> = {
  nl_NL: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en_US: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

// Go's parser knows English names only (matched ASCII-case-insensitively); Dutch ones are translated first.
const PARSE_NAMES: LayoutNames = { weekdays: WEEKDAYS.en_US, months: MONTHS.en_US };

/** Outcome of parsing a contract date; `error` is the Go parser's text. */
export type ContractDateResult = { readonly ok: true; readonly value: DateTime } | { readonly ok: false; readonly error: string };

/** Outcome of parsing a contract date to epoch milliseconds; `error` is the Go parser's text. */
export type ContractDateMillisResult = { readonly ok: true; readonly millis: number } | { readonly ok: false; readonly error: string };

/** A formatted contract date with the wall clock it shows. */
export interface FormattedContractDate {
  readonly text: string;
  readonly wall: ZonedWallClock;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const MAX_DATE_MILLIS = 8.64e15;

function toMillis(at: Date | DateTime | number): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  return at.toMillis();
}

/** The instant rounded down to a whole second (Go's formatting drops sub-seconds, also before 1970). */
export function floorToSecond(millis: number): number {
  const rest = millis % 1000;
  return rest < 0 ? millis - rest - 1000 : millis - rest;
}

/** Formats an instant (whole seconds) as a contract date and returns the wall clock used; see formatContractDate. */
export function formatContractDateParts(millis: number, locale: ContractLocale): FormattedContractDate {
  const wall = amsterdamWallClockAt(millis);
  if (wall === undefined) throw new RangeError('cannot format an instant outside the supported range');
  const { year } = wall;
  const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : year >= 1000 ? String(year) : String(year).padStart(4, '0');
  const text = `${WEEKDAYS[locale][wall.weekday]}, ${wall.day} ${MONTHS[locale][wall.month - 1]} ${yearText} ${pad2(wall.hour)}:${pad2(wall.minute)}:${pad2(wall.second)}`;
  return { text, wall };
}

/**
 * Formats an instant as `Monday, 2 January 2006 15:04:05` in Europe/Amsterdam with the locale's names
 * (lower-case Dutch for nl_NL, English for en_US). Sub-second parts are dropped, as Go's formatting does.
 */
export function formatContractDate(at: Date | DateTime | number, locale: ContractLocale): string {
  const millis = toMillis(at);
  if (!Number.isFinite(millis)) throw new RangeError('cannot format an invalid instant');
  return formatContractDateParts(floorToSecond(millis), locale).text;
}

// The shape every drawn-up date has. For it the translation and Go's parser reduce to exact name lookups and
// range checks; anything else (other spacing, fractions, non-ASCII, errors) takes the full emulation.
const CANONICAL = /^([A-Za-z]+), ([0-9]{1,2}) ([A-Za-z]+) ([0-9]{4}) ([0-9]{1,2}):([0-9]{2}):([0-9]{2})$/;

// Lower-case names to indexes. monday translates whole Dutch names (lower-cased), Go then matches English ones
// ASCII-case-insensitively; no name is a prefix of another in the same table, so Go's prefix lookup of a whole
// name finds that name.
const indexByName = (tables: readonly (readonly string[])[]): ReadonlyMap<string, number> =>
  new Map(tables.flatMap((table) => table.map((name, i) => [name.toLowerCase(), i] as const)));
const WEEKDAY_INDEX = indexByName([WEEKDAYS.nl_NL, WEEKDAYS.en_US]);
const MONTH_INDEX = indexByName([MONTHS.nl_NL, MONTHS.en_US]);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The wall clock of a date in the canonical `Monday, 2 January 2006 15:04:05` shape with known names and fields
 * in range, or undefined (then the full parser decides, with Go's errors). When defined, it equals what the full
 * parser reads.
 */
export function parseCanonicalContractDate(text: string): WallClock | undefined {
  const m = CANONICAL.exec(text);
  if (m === null) return undefined;
  const [, weekdayName = '', dayText = '', monthName = '', yearText = '', hourText = '', minuteText = '', secondText = ''] = m;
  if (!WEEKDAY_INDEX.has(weekdayName.toLowerCase())) return undefined;
  const monthIndex = MONTH_INDEX.get(monthName.toLowerCase());
  if (monthIndex === undefined) return undefined;
  const month = monthIndex + 1;
  const year = Number(yearText);
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText);
  if (hour >= 24 || minute >= 60 || second >= 60 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, hour, minute, second };
}

/**
 * Parses a contract date to epoch milliseconds; the same rules and errors as `parseContractDate`, without building
 * a luxon DateTime.
 */
export function parseContractDateMillis(text: string): ContractDateMillisResult {
  const canonical = parseCanonicalContractDate(text);
  if (canonical !== undefined) return { ok: true, millis: amsterdamWallClockToMillis(canonical) };
  const translated = translateDutchNames(text);
  const parsed = parseWithLayout(CONTRACT_DATE_LAYOUT, translated, PARSE_NAMES);
  if (!parsed.ok) return parsed;
  const f = parsed.fields;
  const millis = amsterdamWallClockToMillis(f) + Math.floor(f.nanosecond / 1_000_000);
  if (!(Math.abs(millis) <= MAX_DATE_MILLIS)) return { ok: false, error: `parsing time ${goQuote(translated)}: year out of range` };
  return { ok: true, millis };
}

/** An instant as a luxon DateTime in Europe/Amsterdam. */
export function amsterdamDateTime(millis: number): DateTime {
  return DateTime.fromMillis(millis, { zone: CONTRACT_TIME_ZONE });
}

/**
 * Parses a contract date in Europe/Amsterdam as the Nuts node does (monday's nl_NL translation, then Go's parser):
 * Dutch or English day and month names in any case, the weekday not checked against the date, Go's leniencies and
 * error texts (which quote the translated value). Repeated and skipped wall-clock times at the DST changes resolve
 * as Go's `time.Date` does (see `amsterdamWallClockToMillis`).
 */
export function parseContractDate(text: string): ContractDateResult {
  const parsed = parseContractDateMillis(text);
  return parsed.ok ? { ok: true, value: amsterdamDateTime(parsed.millis) } : parsed;
}
