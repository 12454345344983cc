import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import { formatContractDate, parseContractDate } from './dates.js';
import { drawUpContract, type DrawUpInput } from './drawup.js';
import { parseGoDuration } from './duration.js';
import { parseContractText } from './parse.js';
import { findTemplate } from './templates.js';
import type { ContractTemplate } from './types.js';
import { CAREBEARS_VECTOR, EN_V3_VECTOR, NL_V3_VECTOR } from './vectors.js';

function template(language: string, type: string, version: string): ContractTemplate {
  const found = findTemplate(language, type, version);
  if (found === undefined) throw new Error('missing template');
  return found;
}

const NL_V3 = template('NL', 'BehandelaarLogin', 'v3');
const EN_V3 = template('EN', 'PractitionerLogin', 'v3');
const NL_V1 = template('NL', 'BehandelaarLogin', 'v1');

function failure(input: DrawUpInput): { code: string; detail: string } {
  try {
    drawUpContract(input);
  } catch (error) {
    if (error instanceof NutshellError) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('drawn up unexpectedly');
}

const base = { legalEntity: 'Zorg & Zo', legalEntityCity: 'A & B' } as const;

describe('drawUpContract', () => {
  it('reproduces the §4.8 NL v3 and EN v3 vectors exactly', () => {
    const validFrom = new Date('2020-01-01T01:01:01Z');
    expect(drawUpContract({ ...base, template: NL_V3, validFrom, validDuration: '1h' }).text).toBe(NL_V3_VECTOR);
    expect(drawUpContract({ ...base, template: EN_V3, validFrom, validDuration: '1h' }).text).toBe(EN_V3_VECTOR);
  });

  it('reproduces the CareBears example from an RFC 3339 string', () => {
    const contract = drawUpContract({
      template: NL_V3,
      legalEntity: 'CareBears',
      legalEntityCity: 'Caretown',
      validFrom: '2019-06-24T14:32:00+02:00',
      validDuration: '2h',
    });
    expect(contract.text).toBe(CAREBEARS_VECTOR);
    expect(contract.params).toEqual({
      legal_entity: 'CareBears',
      legal_entity_city: 'Caretown',
      valid_from: 'maandag, 24 juni 2019 14:32:00',
      valid_to: 'maandag, 24 juni 2019 16:32:00',
    });
    expect(contract.validFrom?.toISO()).toBe('2019-06-24T14:32:00.000+02:00');
    expect(contract.validTo?.toISO()).toBe('2019-06-24T16:32:00.000+02:00');
  });

  it('reads every RFC 3339 offset form to the same instant', () => {
    for (const validFrom of ['2019-06-24T12:32:00Z', '2019-06-24T08:32:00-04:00', '2019-06-24T14:32:00.000+02:00', '2019-06-24T14:32:00,4+02:00']) {
      const c = drawUpContract({ template: NL_V3, legalEntity: 'CareBears', legalEntityCity: 'Caretown', validFrom, validDuration: '2h' });
      expect(c.text).toBe(CAREBEARS_VECTOR);
    }
  });

  it('uses 60 minutes when the duration is omitted or zero', () => {
    const validFrom = new Date('2020-01-01T01:01:01Z');
    for (const validDuration of [undefined, '0', '0s', '-0', '0h0m']) {
      const c = drawUpContract({ ...base, template: NL_V3, validFrom, ...(validDuration === undefined ? {} : { validDuration }) });
      expect(c.params.valid_to).toBe('woensdag, 1 januari 2020 03:01:01');
    }
  });

  it('defaults validFrom to now and drops its sub-seconds', () => {
    const c = drawUpContract({ ...base, template: EN_V3, now: new Date('2020-01-01T01:01:01.789Z'), validDuration: '30m' });
    expect(c.params.valid_from).toBe('Wednesday, 1 January 2020 02:01:01');
    expect(c.params.valid_to).toBe('Wednesday, 1 January 2020 02:31:01');
  });

  it('adds the duration at nanosecond precision before truncating, as Go does', () => {
    const c = drawUpContract({ ...base, template: NL_V3, validFrom: '2020-01-01T01:01:01.999999999Z', validDuration: '1ns' });
    expect(c.params.valid_from).toBe('woensdag, 1 januari 2020 02:01:01');
    expect(c.params.valid_to).toBe('woensdag, 1 januari 2020 02:01:02');
  });

  it('accepts a negative duration; the contract then fails verification later', () => {
    const c = drawUpContract({ ...base, template: NL_V3, validFrom: new Date('2020-01-01T01:01:01Z'), validDuration: '-2h' });
    expect(c.params.valid_to).toBe('woensdag, 1 januari 2020 00:01:01');
  });

  it('renders name and city raw: ampersands, quotes and angle brackets survive', () => {
    const c = drawUpContract({ template: NL_V3, legalEntity: `Toon & "Zoonen" <b>`, legalEntityCity: "'s-Hertogenbosch", validFrom: new Date(0) });
    expect(c.text).toContain(`in naam van Toon & "Zoonen" <b> te 's-Hertogenbosch. Deze`);
    expect(c.params.legal_entity).toBe(`Toon & "Zoonen" <b>`);
    expect(c.params.legal_entity_city).toBe("'s-Hertogenbosch");
  });

  it('rejects an unparseable validFrom with the Nuts/Go text', () => {
    expect(failure({ ...base, template: NL_V3, validFrom: 'invalid date' })).toEqual({
      code: 'INVALID_INPUT',
      detail: 'could not parse validFrom: parsing time "invalid date" as "2006-01-02T15:04:05Z07:00": cannot parse "invalid date" as "2006"',
    });
    expect(failure({ ...base, template: NL_V3, validFrom: '02 Jan 2010' }).detail).toBe(
      'could not parse validFrom: parsing time "02 Jan 2010" as "2006-01-02T15:04:05Z07:00": cannot parse "02 Jan 2010" as "2006"',
    );
    expect(failure({ ...base, template: NL_V3, validFrom: '2019-06-24T14:32:00' }).detail).toBe(
      'could not parse validFrom: parsing time "2019-06-24T14:32:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"',
    );
    expect(failure({ ...base, template: NL_V3, validFrom: '2019-13-24T14:32:00Z' }).detail).toBe(
      'could not parse validFrom: parsing time "2019-13-24T14:32:00Z": month out of range',
    );
    expect(failure({ ...base, template: NL_V3, validFrom: new Date('nope') })).toEqual({
      code: 'INVALID_INPUT',
      detail: 'could not parse validFrom: invalid date',
    });
  });

  it('rejects an unparseable duration with the Nuts text, after checking validFrom', () => {
    expect(failure({ ...base, template: NL_V3, validDuration: '15 minutes' })).toEqual({
      code: 'INVALID_INPUT',
      detail: 'could not parse validDuration: time: unknown unit " minutes" in duration "15 minutes"',
    });
    expect(failure({ ...base, template: NL_V3, validFrom: 'x', validDuration: '15 minutes' }).detail).toMatch(/^could not parse validFrom: /);
  });

  it('cannot draw up v1 (no acting party), like Nuts', () => {
    expect(failure({ ...base, template: NL_V1, validFrom: new Date(0) })).toEqual({
      code: 'INTERNAL',
      detail: 'could not draw up contract: invalid contract text: could not match the contract template regex',
    });
  });

  it('fails for an empty name or a name with a line break, whose text cannot match its own regex', () => {
    expect(failure({ ...base, template: NL_V3, legalEntity: '', validFrom: new Date(0) }).code).toBe('INTERNAL');
    expect(failure({ ...base, template: EN_V3, legalEntity: 'Zorg\nZo', validFrom: new Date(0) }).code).toBe('INTERNAL');
    expect(failure({ ...base, template: EN_V3, legalEntityCity: '', validFrom: new Date(0) }).code).toBe('INTERNAL');
  });

  it('draws up a name containing ":v2" but the text then names an unknown template (Nuts checks only the template regex here)', () => {
    const c = drawUpContract({ ...base, template: NL_V3, legalEntity: 'Zorg:v2', validFrom: new Date(0) });
    expect(c.params.legal_entity).toBe('Zorg:v2');
    expect(() => parseContractText(c.text)).toThrow(expect.objectContaining({ code: 'CONTRACT_UNKNOWN_TEMPLATE' }));
  });

  it('refuses periods beyond what a calendar date can express', () => {
    expect(failure({ ...base, template: NL_V3, validFrom: new Date(8.64e15 - 1000), validDuration: '2h' })).toEqual({
      code: 'INVALID_INPUT',
      detail: 'could not draw up contract: validity period out of range',
    });
    // The Amsterdam wall clock runs out two hours before the end of the Date range.
    expect(failure({ ...base, template: NL_V3, validFrom: new Date(8.64e15 - 3_600_000), validDuration: '-2h' }).code).toBe('INVALID_INPUT');
    expect(failure({ ...base, template: NL_V3, validFrom: new Date(8.64e15 - 4 * 3_600_000), validDuration: '2h1ns' }).code).toBe('INVALID_INPUT');
    const last = drawUpContract({ ...base, template: NL_V3, validFrom: new Date(8.64e15 - 4 * 3_600_000), validDuration: '2h' });
    expect(last.params.valid_to).toBe('zaterdag, 13 september 275760 00:00:00');
    // Go's layout reads four year digits, so such a date never parses back.
    expect(last.validTo).toBeUndefined();
  });

  it('returns the instants a verifier reads back from the written dates (1900-2100, around DST changes)', () => {
    const HOUR = 3_600_000;
    const change = (year: number, month: number) => {
      const last = new Date(Date.UTC(year, month, 31, 1));
      return last.getTime() - last.getUTCDay() * 24 * HOUR;
    };
    const anyInstant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) });
    const nearChange = fc
      .tuple(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(2, 9), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }))
      .map(([year, month, offset]) => change(year, month) + offset);
    const duration = fc.oneof(
      fc.constantFrom('1h', '60m', '2h', '30m', '1ns', '999ms', '-1h', '1.5h', '0'),
      fc.integer({ min: -7200, max: 7200 }).map((s) => `${s}s`),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => `${n}us`),
    );
    fc.assert(
      fc.property(fc.oneof(anyInstant, nearChange), duration, fc.constantFrom(NL_V3, EN_V3), (millis, validDuration, t) => {
        const c = drawUpContract({ ...base, template: t, validFrom: new Date(millis), validDuration });
        const from = parseContractDate(c.params.valid_from ?? '');
        const to = parseContractDate(c.params.valid_to ?? '');
        expect(from.ok && to.ok).toBe(true);
        expect(c.validFrom?.toMillis()).toBe(from.ok ? from.value.toMillis() : NaN);
        expect(c.validTo?.toMillis()).toBe(to.ok ? to.value.toMillis() : NaN);
        expect(c.validFrom?.zoneName).toBe('Europe/Amsterdam');
        expect(c.params.valid_from).toBe(formatContractDate(millis, t.locale));
        // Go adds the duration at nanosecond precision, then drops the sub-seconds of the end.
        const parsed = parseGoDuration(validDuration);
        const nanos = parsed.ok && parsed.nanoseconds !== 0n ? parsed.nanoseconds : 3_600_000_000_000n;
        const endNanos = BigInt(millis) * 1_000_000n + nanos;
        const endSeconds = endNanos / 1_000_000_000n - (endNanos < 0n && endNanos % 1_000_000_000n !== 0n ? 1n : 0n);
        expect(c.params.valid_to).toBe(formatContractDate(Number(endSeconds) * 1000, t.locale));
      }),
      { numRuns: 4000 },
    );
  });
});
