import { IANAZone } from 'luxon';

/** Contract dates are always Amsterdam wall-clock time, whatever the server's zone (Nuts hard-codes it too). */
export const CONTRACT_TIME_ZONE = 'Europe/Amsterdam';

const amsterdam = IANAZone.create(CONTRACT_TIME_ZONE);

const HOUR = 3_600_000;
// Since the EU rules of 1996 every Amsterdam offset change falls on a whole UTC hour (01:00), so the offset is
// constant within each UTC hour and can be cached per hour; Intl lookups cost about 5 µs each.
const CACHE_FROM = Date.UTC(1996, 0, 1);
const CACHE_LIMIT = 100_000;
const offsetByHour = new Map<number, number>();

/** Offset of Amsterdam from UTC in minutes at an instant. */
function offsetMinutes(millis: number): number {
  if (millis < CACHE_FROM) return amsterdam.offset(millis);
  const hour = Math.floor(millis / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = amsterdam.offset(hour * HOUR);
    if (offsetByHour.size >= CACHE_LIMIT) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

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

/** Milliseconds since the epoch of the wall clock read as if it were UTC; safe for years 0-99 too. */
export function wallClockAsUtcMillis(wall: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  d.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return d.getTime();
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
  const guess = asUtc - offsetMinutes(asUtc) * 60_000;
  return asUtc - offsetMinutes(guess) * 60_000;
}
