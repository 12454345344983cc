import { DateTime } from 'luxon';
import { CONTRACT_DATE_LAYOUT, parseWithLayout, type LayoutNames } from './go-layout.js';
import { translateDutchNames } from './dutch-names.js';
import { goQuote } from './go-quote.js';
import type { ContractLocale } from './types.js';
import { CONTRACT_TIME_ZONE, amsterdamWallClockToMillis } from './zone.js';

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

const pad2 = (n: number): string => String(n).padStart(2, '0');

function toMillis(at: Date | DateTime | number): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  return at.toMillis();
}

/**
 * Formats an instant as `Monday, 2 January 2006 15:04:05` in Europe/Amsterdam with the locale's names
 * (lower-case Dutch for nl_NL, English for en_US). Sub-second parts are dropped, as Go's formatting does.
 */
export function formatContractDate(at: Date | DateTime | number, locale: ContractLocale): string {
  const millis = toMillis(at);
  if (!Number.isFinite(millis)) throw new RangeError('cannot format an invalid instant');
  const wall = DateTime.fromMillis(Math.floor(millis / 1000) * 1000, { zone: CONTRACT_TIME_ZONE });
  if (!wall.isValid) throw new RangeError('cannot format an instant outside the supported range');
  const weekday = WEEKDAYS[locale][wall.weekday % 7];
  const month = MONTHS[locale][wall.month - 1];
  const year = wall.year < 0 ? `-${String(-wall.year).padStart(4, '0')}` : String(wall.year).padStart(4, '0');
  return `${weekday}, ${wall.day} ${month} ${year} ${pad2(wall.hour)}:${pad2(wall.minute)}:${pad2(wall.second)}`;
}

/**
 * Parses a contract date in Europe/Amsterdam as the Nuts node does (monday's nl_NL translation, then Go's parser):
 * Dutch or English day and month names in any case, the weekday not checked against the date, Go's leniencies and
 * error texts (which quote the translated value). Repeated and skipped wall-clock times at the DST changes resolve
 * as Go's `time.Date` does (see `amsterdamWallClockToMillis`).
 */
export function parseContractDate(text: string): ContractDateResult {
  const parsed = parseWithLayout(CONTRACT_DATE_LAYOUT, translateDutchNames(text), PARSE_NAMES);
  if (!parsed.ok) return parsed;
  const f = parsed.fields;
  const millis = amsterdamWallClockToMillis(f) + Math.floor(f.nanosecond / 1_000_000);
  const value = DateTime.fromMillis(millis, { zone: CONTRACT_TIME_ZONE });
  if (!value.isValid) return { ok: false, error: `parsing time ${goQuote(translateDutchNames(text))}: year out of range` };
  return { ok: true, value };
}
