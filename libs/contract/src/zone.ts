import { referenceOffsetMinutes, referenceWallClockAt, type ZonedWallClock } from './zone-reference.js';

/** Contract dates are always Amsterdam wall-clock time, whatever the server's zone (Nuts hard-codes it too). */
export const CONTRACT_TIME_ZONE = 'Europe/Amsterdam';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// JavaScript dates stop at ±8.64e15 ms.
const MAX_DATE_MILLIS = 8.64e15;

// Since 1996 Amsterdam follows the EU rule: CEST (+2) from the last Sunday of March 01:00 UTC to the last Sunday
// of October 01:00 UTC, CET (+1) otherwise. Computing that is a few integer operations; an Intl lookup costs ~5 µs.
// Earlier years (LMT, wartime, the 1977-1995 September rule) are left to the zone database. The upper bound
// keeps the shifted local time inside the Date range, where the fallback gives luxon's own answer.
const RULE_FROM = Date.UTC(1996, 0, 1);
const RULE_UNTIL = MAX_DATE_MILLIS - 2 * DAY;

/** Wall-clock fields without a zone. */
export interface WallClock {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export type { ZonedWallClock } from './zone-reference.js';

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12; days past the month's end roll over). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Hinnant's algorithm: years start in March so the leap day is the last day of a year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Weekday of a day number (0 = Sunday); 1970-01-01 was a Thursday. */
function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Start of the last Sunday of a month (31 days long) at 01:00 UTC, in epoch milliseconds. */
function lastSundayOneUtc(year: number, month: 3 | 10): number {
  const last = daysFromCivil(year, month, 31);
  return (last - weekdayOf(last)) * DAY + HOUR;
}

/** UTC year of an instant. */
function utcYear(millis: number): number {
  const z = Math.floor(millis / DAY) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  // Day-of-year counts from 1 March; 306 and later is January or February of the next civil year.
  return yoe + era * 400 + (doy >= 306 ? 1 : 0);
}

/** Offset of Amsterdam from UTC in minutes at an instant. */
export function amsterdamOffsetMinutes(millis: number): number {
  if (!(millis >= RULE_FROM && millis <= RULE_UNTIL)) return referenceOffsetMinutes(millis);
  // The transitions lie in March and October, far from New Year, so the UTC year picks the right pair.
  const year = utcYear(millis);
  return millis >= lastSundayOneUtc(year, 3) && millis < lastSundayOneUtc(year, 10) ? 120 : 60;
}

/** The Amsterdam wall clock (and weekday) of an instant; undefined where no calendar date exists. */
export function amsterdamWallClockAt(millis: number): ZonedWallClock | undefined {
  if (!(millis >= RULE_FROM && millis <= RULE_UNTIL)) return referenceWallClockAt(millis);
  const local = millis + amsterdamOffsetMinutes(millis) * MINUTE;
  const days = Math.floor(local / DAY);
  const ofDay = local - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    hour: Math.floor(ofDay / HOUR),
    minute: Math.floor((ofDay % HOUR) / MINUTE),
    second: Math.floor((ofDay % MINUTE) / 1000),
    weekday: weekdayOf(days),
  };
}

/** Milliseconds since the epoch of the wall clock read as if it were UTC; safe for years 0-99 too. */
export function wallClockAsUtcMillis(wall: WallClock): number {
  // Months outside 1-12 roll over into the year, as Date's setters do.
  const month0 = wall.month - 1;
  const year = wall.year + Math.floor(month0 / 12);
  const month = month0 - Math.floor(month0 / 12) * 12 + 1;
  const millis = daysFromCivil(year, month, wall.day) * DAY + wall.hour * HOUR + wall.minute * MINUTE + wall.second * 1000;
  return Math.abs(millis) <= MAX_DATE_MILLIS ? millis : Number.NaN;
}

/**
 * Turns an Amsterdam wall-clock time into an instant the way Go's `time.Date` does, so both nodes agree on texts
 * without an offset: the offset in force at the wall time read as UTC is subtracted, and if the result lands in
 * another offset period, that period's offset is used instead. In effect:
 * - a repeated time (the last Sunday of October, 02:00-02:59) resolves to its SECOND occurrence (CET, +01:00);
 * - a skipped time (the last Sunday of March, 02:00-02:59) is read with the winter offset and so lands one hour
 *   later in summer time (02:30 becomes 03:30 CEST).
 */
export function amsterdamWallClockToMillis(wall: WallClock): number {
  const asUtc = wallClockAsUtcMillis(wall);
  const guess = asUtc - amsterdamOffsetMinutes(asUtc) * MINUTE;
  return asUtc - amsterdamOffsetMinutes(guess) * MINUTE;
}
