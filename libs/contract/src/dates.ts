import { DateTime } from 'luxon';
import { CONTRACT_DATE_LAYOUT, parseWithLayout, type LayoutNames } from './go-layout.js';
import { translateDutchNames } from './dutch-names.js';
import { goQuote } from './go-quote.js';
import type { ContractLocale } from './types.js';
import { CONTRACT_TIME_ZONE, amsterdamWallClockAt, amsterdamWallClockToMillis, type ZonedWallClock } from './zone.js';

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

/**
 * Parses a contract date to epoch milliseconds; the same rules and errors as `parseContractDate`, without building
 * a luxon DateTime.
 */
export function parseContractDateMillis(text: string): ContractDateMillisResult {
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
