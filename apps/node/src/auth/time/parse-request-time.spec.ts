import { describe, expect, it } from 'vitest';
import { isNutshellError } from '#errors';
import { parseRequestTime } from './parse-request-time.js';

describe('parseRequestTime', () => {
  it('reads RFC 3339 with offsets and fractions to the millisecond', () => {
    expect(parseRequestTime('validFrom', '2019-06-24T14:32:00+02:00').toISOString()).toBe('2019-06-24T12:32:00.000Z');
    expect(parseRequestTime('checkTime', '2020-01-01T01:01:01.123456789Z').toISOString()).toBe('2020-01-01T01:01:01.123Z');
  });

  it('refuses other formats with the Go error text after the field name', () => {
    for (const value of ['2019-06-24', 'yesterday', '2019-06-24 14:32:00Z']) {
      try {
        parseRequestTime('checkTime', value);
        expect.unreachable();
      } catch (error) {
        expect(isNutshellError(error) && error.status).toBe(400);
        expect(isNutshellError(error) ? error.detail : '').toMatch(new RegExp(`^could not parse checkTime: parsing time "${value}" as "2006-01-02T15:04:05Z07:00"`));
      }
    }
  });
});
