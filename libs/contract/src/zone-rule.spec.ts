import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { amsterdamOffsetMinutes, amsterdamWallClockAt, amsterdamWallClockToMillis, wallClockAsUtcMillis, type WallClock } from './zone.js';

// The reference is the zone database through luxon, written out here independently of the production code.
const ZONE = 'Europe/Amsterdam';
const amsterdam = IANAZone.create(ZONE);
const HOUR = 3_600_000;

function luxonWallClock(millis: number) {
  const dt = DateTime.fromMillis(millis, { zone: ZONE });
  return { year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute, second: dt.second, weekday: dt.weekday % 7 };
}

function dateWallClockAsUtc(wall: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  d.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return d.getTime();
}

// Go's time.Date on the zone database, the way the node resolved wall clocks before the EU rule was inlined.
function referenceWallClockToMillis(wall: WallClock): number {
  const asUtc = dateWallClockAsUtc(wall);
  const guess = asUtc - amsterdam.offset(asUtc) * 60_000;
  return asUtc - amsterdam.offset(guess) * 60_000;
}

// Last Sunday of March / October at 01:00 UTC, from Date (independent of the day arithmetic under test).
function transition(year: number, month: 2 | 9): number {
  const last = new Date(Date.UTC(year, month, 31, 1));
  return last.getTime() - last.getUTCDay() * 24 * HOUR;
}

const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;
const anyInstant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31, 23) }).map(wholeSecond);
// Instants within three hours of a DST change, 1990-2100 (the EU rule starts in 1996; before, the zone database).
const nearChange = fc
  .tuple(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(2 as const, 9 as const), fc.integer({ min: -3 * 3600, max: 3 * 3600 }))
  .map(([year, month, seconds]) => transition(year, month) + seconds * 1000);
const instants = fc.oneof(anyInstant, nearChange);

describe('Amsterdam time from the EU rule equals the zone database', () => {
  it('gives the same offset and wall clock (with weekday) as luxon, 1900-2100 and around every DST change', () => {
    fc.assert(
      fc.property(instants, (millis) => {
        expect(amsterdamOffsetMinutes(millis)).toBe(amsterdam.offset(millis));
        expect(amsterdamWallClockAt(millis)).toEqual(luxonWallClock(millis));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the same wall clock far into the future, up to the end of the Date range', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2100, 0, 1), max: 8.64e15 - 3 * 24 * HOUR }).map(wholeSecond), (millis) => {
        expect(amsterdamWallClockAt(millis)).toEqual(luxonWallClock(millis));
      }),
      { numRuns: 3000 },
    );
    // There the local time lies beyond the Date range: no wall clock (luxon would give NaN fields).
    expect(amsterdamWallClockAt(8.64e15)).toBeUndefined();
    expect(amsterdamWallClockAt(8.64e15 - 3 * HOUR)).toEqual(luxonWallClock(8.64e15 - 3 * HOUR));
  });

  it('turns wall clocks into instants as the zone-database reference does, including repeated and skipped hours', () => {
    const anyWall = fc.record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
    });
    // Wall clocks on the day of a change, between 00:00 and 04:59 local time.
    const changeDayWall = fc
      .tuple(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(2 as const, 9 as const), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
      .map(([year, month, hour, minute, second]) => {
        const day = new Date(transition(year, month)).getUTCDate();
        return { year, month: month + 1, day, hour, minute, second };
      });
    fc.assert(
      fc.property(fc.oneof(anyWall, changeDayWall), (wall) => {
        expect(amsterdamWallClockToMillis(wall)).toBe(referenceWallClockToMillis(wall));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads wall clocks as UTC like Date does, for years 0-9999 and overflowing fields', () => {
    const wall = fc.record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
    });
    fc.assert(
      fc.property(wall, (w) => {
        expect(wallClockAsUtcMillis(w)).toBe(dateWallClockAsUtc(w));
      }),
      { numRuns: 5000 },
    );
  });
});
