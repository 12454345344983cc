import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatContractDate, parseCanonicalContractDate, parseContractDate } from './dates.js';
import { translateDutchNames } from './dutch-names.js';
import { CONTRACT_DATE_LAYOUT, parseWithLayout } from './go-layout.js';

const LAYOUT = '"Monday, 2 January 2006 15:04:05"';

function parsedIso(text: string): string {
  const result = parseContractDate(text);
  if (!result.ok) throw new Error(result.error);
  return result.value.toUTC().toISO() ?? '';
}

function parseError(text: string): string {
  const result = parseContractDate(text);
  if (result.ok) throw new Error(`unexpectedly parsed ${text}`);
  return result.error;
}

describe('formatContractDate', () => {
  it('formats the §4.4 examples in Amsterdam time with Dutch and English names', () => {
    const start = new Date('2020-01-01T01:01:01Z');
    const end = new Date('2020-01-01T02:01:01Z');
    expect(formatContractDate(start, 'nl_NL')).toBe('woensdag, 1 januari 2020 02:01:01');
    expect(formatContractDate(end, 'nl_NL')).toBe('woensdag, 1 januari 2020 03:01:01');
    expect(formatContractDate(start, 'en_US')).toBe('Wednesday, 1 January 2020 02:01:01');
    expect(formatContractDate(end, 'en_US')).toBe('Wednesday, 1 January 2020 03:01:01');
  });

  it('uses summer time and every Dutch name', () => {
    expect(formatContractDate(new Date('2019-06-24T12:32:00Z'), 'nl_NL')).toBe('maandag, 24 juni 2019 14:32:00');
    const days = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
    // 2023-01-01 was a Sunday.
    days.forEach((day, i) => expect(formatContractDate(new Date(Date.UTC(2023, 0, 1 + i, 12)), 'nl_NL')).toMatch(new RegExp(`^${day}, `)));
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    months.forEach((month, i) => expect(formatContractDate(new Date(Date.UTC(2023, i, 15, 12)), 'nl_NL')).toContain(` 15 ${month} 2023 `));
  });

  it('drops sub-seconds (truncation, not rounding) and pads time but not the day', () => {
    expect(formatContractDate(new Date('2020-03-05T03:04:05.999Z'), 'en_US')).toBe('Thursday, 5 March 2020 04:04:05');
  });

  it('accepts luxon DateTimes and epoch milliseconds, whatever their zone', () => {
    const dt = DateTime.fromISO('2020-01-01T09:01:01', { zone: 'America/New_York' });
    expect(formatContractDate(dt, 'nl_NL')).toBe('woensdag, 1 januari 2020 15:01:01');
    expect(formatContractDate(Date.UTC(2020, 0, 1, 1, 1, 1), 'en_US')).toBe('Wednesday, 1 January 2020 02:01:01');
  });

  it('writes both instants of the repeated October hour with the same wall time', () => {
    expect(formatContractDate(new Date('2024-10-27T00:30:00Z'), 'nl_NL')).toBe('zondag, 27 oktober 2024 02:30:00');
    expect(formatContractDate(new Date('2024-10-27T01:30:00Z'), 'nl_NL')).toBe('zondag, 27 oktober 2024 02:30:00');
  });

  it('equals a luxon formatter for random instants 1900-2100 and around every DST change', () => {
    const NL_DAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
    const NL_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    const luxonFormat = (millis: number) => {
      const dt = DateTime.fromMillis(Math.floor(millis / 1000) * 1000, { zone: 'Europe/Amsterdam' });
      return `${NL_DAYS[dt.weekday % 7]}, ${dt.day} ${NL_MONTHS[dt.month - 1]} ${String(dt.year).padStart(4, '0')} ${dt.toFormat('HH:mm:ss')}`;
    };
    const change = (year: number, month: number) => {
      const last = new Date(Date.UTC(year, month, 31, 1));
      return last.getTime() - last.getUTCDay() * 86_400_000;
    };
    const nearChange = fc
      .tuple(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom(2, 9), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }))
      .map(([year, month, offset]) => change(year, month) + offset);
    const anyInstant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31, 23) });
    fc.assert(
      fc.property(fc.oneof(anyInstant, nearChange), (millis) => {
        expect(formatContractDate(millis, 'nl_NL')).toBe(luxonFormat(millis));
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses an invalid date', () => {
    expect(() => formatContractDate(new Date('nope'), 'nl_NL')).toThrow(RangeError);
  });
});

describe('parseContractDate', () => {
  it('parses Dutch and English names alike, in any case (the Nuts test pair)', () => {
    expect(parsedIso('Woensdag, 3 April 2019 16:36:06')).toBe('2019-04-03T14:36:06.000Z');
    expect(parsedIso('Wednesday, 3 April 2019 16:36:06')).toBe('2019-04-03T14:36:06.000Z');
    expect(parsedIso('woensdag, 3 april 2019 16:36:06')).toBe('2019-04-03T14:36:06.000Z');
    expect(parsedIso('WEDNESDAY, 3 APRIL 2019 16:36:06')).toBe('2019-04-03T14:36:06.000Z');
    expect(parsedIso('woensdag, 1 januari 2020 02:01:01')).toBe('2020-01-01T01:01:01.000Z');
  });

  it('reads every Dutch and English month and weekday name', () => {
    const nl = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    const en = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    for (let i = 0; i < 12; i++) {
      for (const name of [nl[i], en[i], nl[i]?.toUpperCase(), en[i]?.toLowerCase()]) {
        const result = parseContractDate(`maandag, 15 ${name} 2023 12:00:00`);
        expect(result.ok && [result.value.month, result.value.day, result.value.hour]).toEqual([i + 1, 15, 12]);
      }
    }
    const days = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    for (const day of days) expect(parseContractDate(`${day}, 15 mei 2023 12:00:00`).ok).toBe(true);
    // Only whole words are translated; Go then reads the English prefix "August" and stumbles on the rest.
    expect(parseError('maandag, 15 augustusx 2023 12:00:00')).toBe(
      `parsing time "Monday, 15 augustusx 2023 12:00:00" as ${LAYOUT}: cannot parse "usx 2023 12:00:00" as " "`,
    );
  });

  it('does not check the weekday against the date', () => {
    expect(parsedIso('Dinsdag, 3 April 2019 16:36:06')).toBe('2019-04-03T14:36:06.000Z');
    expect(parsedIso('Sunday, 3 April 2019 16:36:06')).toBe('2019-04-03T14:36:06.000Z');
  });

  it('returns the instant in Europe/Amsterdam', () => {
    const result = parseContractDate('maandag, 24 juni 2019 14:32:00');
    expect(result.ok && result.value.zoneName).toBe('Europe/Amsterdam');
    expect(result.ok && result.value.offset).toBe(120);
  });

  it("has Go's leniencies: two-digit day, one-digit hour, runs of spaces, unrequested fraction", () => {
    expect(parsedIso('woensdag, 01 januari 2020 02:01:01')).toBe('2020-01-01T01:01:01.000Z');
    expect(parsedIso('woensdag, 1 januari 2020 2:01:01')).toBe('2020-01-01T01:01:01.000Z');
    expect(parsedIso('woensdag,   1  januari 2020   02:01:01')).toBe('2020-01-01T01:01:01.000Z');
    expect(parsedIso('Wednesday, 1 January 2020 02:01:01.250')).toBe('2020-01-01T01:01:01.250Z');
    expect(parsedIso('Wednesday, 1 January 2020 02:01:01,5')).toBe('2020-01-01T01:01:01.500Z');
  });

  it('does not translate Dutch names when the value has more or fewer parts than the layout (monday)', () => {
    expect(parseError('woensdag, 1 januari 2020 02:01:01.250')).toBe(
      `parsing time "woensdag, 1 januari 2020 02:01:01.250" as ${LAYOUT}: cannot parse "woensdag, 1 januari 2020 02:01:01.250" as "Monday"`,
    );
    expect(parseError('woensdag, 1 januari 2020 02:01:01 CET')).toBe(
      `parsing time "woensdag, 1 januari 2020 02:01:01 CET" as ${LAYOUT}: cannot parse "woensdag, 1 januari 2020 02:01:01 CET" as "Monday"`,
    );
    expect(parseError('Wednesday, 1 January 2020 02:01:01 CET')).toBe(
      'parsing time "Wednesday, 1 January 2020 02:01:01 CET": extra text: " CET"',
    );
  });

  it('resolves the repeated October hour to its second occurrence (CET), as Go does', () => {
    expect(parsedIso('zondag, 27 oktober 2024 02:30:00')).toBe('2024-10-27T01:30:00.000Z');
    expect(parsedIso('zondag, 27 oktober 2024 02:00:00')).toBe('2024-10-27T01:00:00.000Z');
    expect(parsedIso('zondag, 27 oktober 2024 01:59:59')).toBe('2024-10-26T23:59:59.000Z');
    expect(parsedIso('zondag, 27 oktober 2024 03:00:00')).toBe('2024-10-27T02:00:00.000Z');
  });

  it('moves a skipped March time forward by the gap (read with the winter offset), as Go does', () => {
    expect(parsedIso('zondag, 31 maart 2024 02:30:00')).toBe('2024-03-31T01:30:00.000Z');
    expect(parsedIso('zondag, 31 maart 2024 02:00:00')).toBe('2024-03-31T01:00:00.000Z');
    expect(parsedIso('zondag, 31 maart 2024 01:59:59')).toBe('2024-03-31T00:59:59.000Z');
    expect(parsedIso('zondag, 31 maart 2024 03:00:00')).toBe('2024-03-31T01:00:00.000Z');
  });

  it("gives Go's error texts", () => {
    expect(parseError('vandaag')).toBe(`parsing time "vandaag" as ${LAYOUT}: cannot parse "vandaag" as "Monday"`);
    expect(parseError('')).toBe(`parsing time "" as ${LAYOUT}: cannot parse "" as "Monday"`);
    // Like Nuts, the Go part of the message quotes the value after monday translated the Dutch names.
    expect(parseError('woensdag 1 januari 2020 02:01:01')).toBe(
      `parsing time "Wednesday 1 January 2020 02:01:01" as ${LAYOUT}: cannot parse " 1 January 2020 02:01:01" as ", "`,
    );
    expect(parseError('woensdag, 1 jan 2020 02:01:01')).toBe(
      `parsing time "Wednesday, 1 jan 2020 02:01:01" as ${LAYOUT}: cannot parse "jan 2020 02:01:01" as "January"`,
    );
    expect(parseError('woensdag, 1 januari 20 02:01:01')).toBe(
      `parsing time "Wednesday, 1 January 20 02:01:01" as ${LAYOUT}: cannot parse "20 02:01:01" as "2006"`,
    );
    expect(parseError('woensdag, 1 januari 2020 02:1:01')).toBe(
      `parsing time "Wednesday, 1 January 2020 02:1:01" as ${LAYOUT}: cannot parse "1:01" as "04"`,
    );
    expect(parseError('woensdag, 1 januari 2020 24:00:00')).toBe('parsing time "Wednesday, 1 January 2020 24:00:00": hour out of range');
    expect(parseError('Wednesday, 1 January 2020 02:60:00')).toBe('parsing time "Wednesday, 1 January 2020 02:60:00": minute out of range');
    expect(parseError('Wednesday, 1 January 2020 02:01:60')).toBe('parsing time "Wednesday, 1 January 2020 02:01:60": second out of range');
    expect(parseError('dinsdag, 31 april 2020 02:01:01')).toBe('parsing time "Tuesday, 31 April 2020 02:01:01": day out of range');
    expect(parseError('zaterdag, 29 februari 2019 02:01:01')).toBe('parsing time "Saturday, 29 February 2019 02:01:01": day out of range');
    expect(parseError('woensdag, 0 januari 2020 02:01:01')).toBe('parsing time "Wednesday, 0 January 2020 02:01:01": day out of range');
  });

  it('accepts 29 February in a leap year', () => {
    expect(parsedIso('zaterdag, 29 februari 2020 12:00:00')).toBe('2020-02-29T11:00:00.000Z');
  });

  it('quotes non-ASCII bytes and quotes the way Go does', () => {
    expect(parseError('vandaag é "x"')).toBe(`parsing time "vandaag \\xc3\\xa9 \\"x\\"" as ${LAYOUT}: cannot parse "vandaag \\xc3\\xa9 \\"x\\"" as "Monday"`);
  });

  it('lower-cases Dutch names the Unicode way (monday) but English names only ASCII-wise (Go)', () => {
    expect(parseContractDate('dinsdag, 1 OKTOBER 2019 13:30:42').ok).toBe(true);
    // U+212A KELVIN SIGN lower-cases to k, so monday reads "oKtober" (with a Kelvin sign) as oktober.
    expect(parseContractDate('dinsdag, 1 o\u212Atober 2019 13:30:42').ok).toBe(true);
    expect(parseContractDate('vr\u0130jdag, 1 OKTOBER 2019 13:30:42').ok).toBe(true);
    // U+017F LATIN SMALL LETTER LONG S folds to s only in Unicode; Go's English name match does not.
    expect(parseContractDate('\u017Funday, 1 October 2019 13:30:42').ok).toBe(false);
  });
});

describe('parseCanonicalContractDate (the fast path of parseContractDate)', () => {
  const EN_NAMES = {
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  };
  const full = (text: string) => parseWithLayout(CONTRACT_DATE_LAYOUT, translateDutchNames(text), EN_NAMES);

  it('reads drawn-up dates and leaves anything unusual to the full parser', () => {
    expect(parseCanonicalContractDate('woensdag, 1 januari 2020 02:01:01')).toEqual({ year: 2020, month: 1, day: 1, hour: 2, minute: 1, second: 1 });
    for (const text of ['woensdag,  1 januari 2020 02:01:01', 'Wednesday, 1 January 2020 02:01:01.5', 'woensdag, 31 april 2020 02:01:01', 'Wed, 1 January 2020 02:01:01', 'dinsdag, 1 o\u212Atober 2019 13:30:42']) {
      expect(parseCanonicalContractDate(text)).toBeUndefined();
    }
  });

  it('agrees with the full parser whenever it answers, for random near-canonical dates', () => {
    const weekday = fc.constantFrom(...EN_NAMES.weekdays, 'woensdag', 'ZONDAG', 'vrijdag', 'Mondays', 'januari', 'x');
    const monthName = fc.constantFrom(...EN_NAMES.months, 'januari', 'MEI', 'Augustus', 'oktober', 'maandag', 'Ma');
    const num = (max: number) => fc.integer({ min: 0, max }).map(String);
    const sep = fc.oneof({ arbitrary: fc.constant(', '), weight: 5 }, { arbitrary: fc.constantFrom(' ', '  ', ',', ':', ''), weight: 1 });
    const text = fc
      .tuple(weekday, sep, fc.oneof(num(40), fc.constantFrom('01', '09', '00')), monthName, num(10_500), num(25), fc.constantFrom('00', '07', '59', '60', '5'), fc.constantFrom('00', '30', '59', '60', '1', '00.5'))
      .map(([day, comma, d, month, year, h, mi, se]) => `${day}${comma}${d} ${month} ${year.padStart(4, '0')} ${h}:${mi}:${se}`);
    let answered = 0;
    fc.assert(
      fc.property(text, (value) => {
        const fast = parseCanonicalContractDate(value);
        if (fast === undefined) return;
        answered++;
        const reference = full(value);
        expect(reference.ok).toBe(true);
        if (reference.ok) {
          const { year, month, day, hour, minute, second, nanosecond } = reference.fields;
          expect({ year, month, day, hour, minute, second }).toEqual(fast);
          expect(nanosecond).toBe(0);
        }
      }),
      { numRuns: 20_000 },
    );
    // The generator must actually reach the fast path often enough to mean something.
    expect(answered).toBeGreaterThan(200);
  });
});
