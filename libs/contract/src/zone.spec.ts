import { IANAZone } from 'luxon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amsterdamWallClockToMillis, wallClockAsUtcMillis } from './zone.js';

const wall = (iso: string) => {
  const [date = '', time = ''] = iso.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0, hour: hour ?? 0, minute: minute ?? 0, second: second ?? 0 };
};

describe('Amsterdam wall clock to instant', () => {
  it('uses CET in winter and CEST in summer', () => {
    expect(new Date(amsterdamWallClockToMillis(wall('2020-01-01T02:01:01'))).toISOString()).toBe('2020-01-01T01:01:01.000Z');
    expect(new Date(amsterdamWallClockToMillis(wall('2019-06-24T14:32:00'))).toISOString()).toBe('2019-06-24T12:32:00.000Z');
  });

  it('picks the second occurrence of a repeated time and shifts a skipped one forward (Go time.Date)', () => {
    expect(new Date(amsterdamWallClockToMillis(wall('2023-10-29T02:15:00'))).toISOString()).toBe('2023-10-29T01:15:00.000Z');
    expect(new Date(amsterdamWallClockToMillis(wall('2023-03-26T02:15:00'))).toISOString()).toBe('2023-03-26T01:15:00.000Z');
  });

  it('handles years before 100 and before the offset cache', () => {
    expect(wallClockAsUtcMillis(wall('0050-03-01T00:00:00'))).toBe(new Date('0050-03-01T00:00:00Z').getTime());
    // 1975: no DST in the Netherlands, CET all summer.
    expect(new Date(amsterdamWallClockToMillis(wall('1975-07-01T12:00:00'))).toISOString()).toBe('1975-07-01T11:00:00.000Z');
  });

  it('agrees with the zone database for every unambiguous wall time (reads back what luxon writes)', () => {
    const zone = IANAZone.create('Europe/Amsterdam');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
        const millis = Math.floor(ms / 1000) * 1000;
        const offset = zone.offset(millis);
        const shifted = new Date(millis + offset * 60_000);
        const w = {
          year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
          hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds(),
        };
        // The wall time is ambiguous only if one hour later shows the same wall time under the other offset.
        const later = millis + 3_600_000;
        const ambiguous = zone.offset(later) !== offset && new Date(later + zone.offset(later) * 60_000).getTime() === shifted.getTime();
        expect(amsterdamWallClockToMillis(w)).toBe(ambiguous ? later : millis);
      }),
      { numRuns: 3000 },
    );
  });
});
