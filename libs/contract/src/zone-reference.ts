import { DateTime, IANAZone } from 'luxon';
import type { WallClock } from './zone.js';

/*
 * The zone database (through luxon and Intl) as the reference for Amsterdam time. Production code uses it only
 * for instants the EU offset rule does not cover (before 1996); the specs compare the fast path against it.
 */

const ZONE_NAME = 'Europe/Amsterdam';
const amsterdam = IANAZone.create(ZONE_NAME);

/** A wall clock together with its weekday (0 = Sunday, as in Go). */
export interface ZonedWallClock extends WallClock {
  readonly weekday: number;
}

/** Offset of Amsterdam from UTC in minutes at an instant, from the zone database. */
export function referenceOffsetMinutes(millis: number): number {
  return amsterdam.offset(millis);
}

/** Amsterdam wall clock of an instant via a luxon DateTime; undefined where luxon has no valid date. */
export function referenceWallClockAt(millis: number): ZonedWallClock | undefined {
  const wall = DateTime.fromMillis(millis, { zone: ZONE_NAME });
  // Near the end of the Date range luxon calls the instant valid but the local time has no fields.
  if (!wall.isValid || !Number.isFinite(wall.year)) return undefined;
  return {
    year: wall.year,
    month: wall.month,
    day: wall.day,
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
    weekday: wall.weekday % 7,
  };
}
