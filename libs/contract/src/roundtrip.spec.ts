/*
 * Property tests: draw up, then parse, and get back what went in.
 *
 * Names and cities that Nuts itself cannot round-trip are excluded from the main property and tested on their own
 * (against a backtracking regex, which returns the same groups as Go's RE2 for these patterns):
 * - empty values: `(.+)` needs at least one character;
 * - a line break (`\n`): Go's `.` does not match it, so the text no longer matches its own regex;
 * - `:v<digit>` anywhere: the greedy prefix regex `^(.{2}):(.+):(v\d+)` then reads a different type and version;
 * - a CITY containing the name/city separator (` te ` in NL v3, ` located in ` in EN v3): the greedy first group
 *   runs to the last separator, so part of the city moves into the name. Names may contain the separator.
 * Everything else (any Unicode, `&`, quotes, `<>`, `$&`, braces, `\r`, U+2028, the other literal pieces of the
 * template such as ` tot ` or `. Deze verklaring is geldig van `) round-trips.
 *
 * Instants: drawup truncates to whole seconds and texts carry no offset, so an instant in the FIRST occurrence of
 * the repeated October hour (CEST) reads back one hour later (CET), as it does in Go. The oracle below computes
 * the EU transition times on its own (last Sunday of March/October, 01:00 UTC) rather than asking the zone code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import { formatContractDate } from './dates.js';
import { drawUpContract } from './drawup.js';
import { parseContractText } from './parse.js';
import { findTemplate } from './templates.js';
import type { ContractTemplate } from './types.js';

function template(language: string, type: string, version: string): ContractTemplate {
  const found = findTemplate(language, type, version);
  if (found === undefined) throw new Error('missing template');
  return found;
}

const NL_V1 = template('NL', 'BehandelaarLogin', 'v1');
const NL_V3 = template('NL', 'BehandelaarLogin', 'v3');
const EN_V3 = template('EN', 'PractitionerLogin', 'v3');
const SEPARATOR: ReadonlyMap<ContractTemplate, string> = new Map([
  [NL_V3, ' te '],
  [EN_V3, ' located in '],
]);

const HOUR = 3_600_000;

function lastSundayAt0100Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** What a text written for `millis` (whole seconds) reads back as. */
function readBack(millis: number): number {
  const fallBack = lastSundayAt0100Utc(new Date(millis).getUTCFullYear(), 9);
  return millis >= fallBack - HOUR && millis < fallBack ? millis + HOUR : millis;
}

const YEARS = { min: 2015, max: 2035 };

const instant = fc.oneof(
  fc.integer({ min: Date.UTC(YEARS.min, 0, 1), max: Date.UTC(YEARS.max, 11, 31) }),
  // The hours around both DST changes, where wall clocks skip and repeat.
  fc
    .record({ year: fc.integer(YEARS), autumn: fc.boolean(), delta: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }) })
    .map(({ year, autumn, delta }) => lastSundayAt0100Utc(year, autumn ? 9 : 2) + delta),
);

interface Duration {
  readonly text: string;
  readonly nanos: bigint;
}

const duration: fc.Arbitrary<Duration> = fc.oneof(
  fc
    .record({ negative: fc.boolean(), h: fc.integer({ min: 0, max: 9000 }), m: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }), ms: fc.integer({ min: 0, max: 999 }) })
    .map(({ negative, h, m, s, ms }) => ({
      text: `${negative ? '-' : ''}${h}h${m}m${s}.${String(ms).padStart(3, '0')}s`,
      nanos: (negative ? -1n : 1n) * (((BigInt(h) * 60n + BigInt(m)) * 60n + BigInt(s)) * 1_000_000_000n + BigInt(ms) * 1_000_000n),
    })),
  // Short periods, so that valid_to also lands in the DST hours when valid_from is near them.
  fc.integer({ min: 1, max: 4 * 3600 }).map((seconds) => ({ text: `${seconds}s`, nanos: BigInt(seconds) * 1_000_000_000n })),
);

const piece = fc.constantFrom(
  '&', '"', "'", '<', '>', ' ', 'é', 'ß', 'ĳ', '😀', '\u0301', 'Zorg', 'Zo', ' te ', ' located in ', ' tot ', ' until ', '.', ':', 'v', 'v1', '1',
  '{{x}}', '{{{y}}}', '$&', "$'", '\r', '\t', '\u2028', '. Deze verklaring is geldig van ', '. This declaration is valid from ', 'NL:BehandelaarLogin:v3 ',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
);

/** Values Nuts can round-trip as a name. */
const safeName = text.filter((s) => s.length > 0 && !s.includes('\n') && !/:v\d/.test(s));
/** Values Nuts can round-trip as a city of `t`. */
const safeCity = (t: ContractTemplate) => safeName.filter((s) => !s.includes(SEPARATOR.get(t) ?? '\u0000'));

function expectedValidTo(fromMillis: number, nanos: bigint): number {
  const d = nanos === 0n ? 3_600_000_000_000n : nanos;
  const total = BigInt(fromMillis) * 1_000_000n + d;
  let seconds = total / 1_000_000_000n;
  if (total < 0n && total % 1_000_000_000n !== 0n) seconds -= 1n;
  return Number(seconds) * 1000;
}

describe('drawup → parse round trip', () => {
  for (const t of [NL_V3, EN_V3]) {
    it(`returns name, city and both instants for ${t.language}:${t.type}:${t.version}`, () => {
      fc.assert(
        fc.property(safeName, safeCity(t), instant, duration, (name, city, fromMillis, d) => {
          const drawn = drawUpContract({ template: t, legalEntity: name, legalEntityCity: city, validFrom: new Date(fromMillis), validDuration: d.text });
          const parsed = parseContractText(drawn.text);
          expect(parsed.template).toBe(t);
          expect(parsed.params.legal_entity).toBe(name);
          expect(parsed.params.legal_entity_city).toBe(city);
          expect(parsed.params).toEqual(drawn.params);
          expect(parsed.validFrom?.toMillis()).toBe(readBack(Math.floor(fromMillis / 1000) * 1000));
          expect(parsed.validTo?.toMillis()).toBe(readBack(expectedValidTo(fromMillis, d.nanos)));
        }),
        { numRuns: 600 },
      );
    });
  }

  it('returns acting party, name and instants for NL:BehandelaarLogin:v1 (rendered with an acting party; Nuts cannot draw it up)', () => {
    fc.assert(
      fc.property(safeName, safeName, instant, (actingParty, name, fromMillis) => {
        const from = Math.floor(fromMillis / 1000) * 1000;
        const to = from + HOUR;
        const rendered = NL_V1.template
          .replace('{{{acting_party}}}', () => actingParty)
          .replace('{{{legal_entity}}}', () => name)
          .replace('{{valid_from}}', () => formatContractDate(from, 'nl_NL'))
          .replace('{{valid_to}}', () => formatContractDate(to, 'nl_NL'));
        const parsed = parseContractText(rendered);
        // The v1 text has no separator between name and the fixed words that a safe name could contain here
        // except ' om namens ', which the generator never produces.
        expect(parsed.params.acting_party).toBe(actingParty);
        expect(parsed.params.legal_entity).toBe(name);
        expect(parsed.validFrom?.toMillis()).toBe(readBack(from));
        expect(parsed.validTo?.toMillis()).toBe(readBack(to));
        const drawUp = () => drawUpContract({ template: NL_V1, legalEntity: name, legalEntityCity: '', validFrom: new Date(fromMillis) });
        expect(drawUp).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
      }),
      { numRuns: 300 },
    );
  });

  it('treats 0 and omitted durations as 60 minutes', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(undefined, '0', '0s', '0h0m0s', '-0'), (fromMillis, validDuration) => {
        const drawn = drawUpContract({ template: EN_V3, legalEntity: 'X', legalEntityCity: 'Y', validFrom: new Date(fromMillis), ...(validDuration === undefined ? {} : { validDuration }) });
        const from = Math.floor(fromMillis / 1000) * 1000;
        expect(parseContractText(drawn.text).validTo?.toMillis()).toBe(readBack(from + HOUR));
      }),
      { numRuns: 200 },
    );
  });
});

// Go's RE2 and a backtracking engine give the same groups for these patterns; this is the reference for Nuts.
function nutsGroups(t: ContractTemplate, rendered: string): string[] | undefined {
  const match = new RegExp(t.regex.replaceAll('.', '[^\\n]'), 'u').exec(rendered);
  return match === null ? undefined : match.slice(1);
}

function nutsPrefix(rendered: string): string[] | undefined {
  const match = /^([^\n]{2}):([^\n]+):(v\d+)/u.exec(rendered);
  return match === null ? undefined : match.slice(1);
}

describe('names Nuts cannot round-trip behave as in Nuts', () => {
  const anyValue = fc.oneof(text, fc.constant(''), text.map((s) => `${s}\n${s}`), text.map((s) => `${s}:v2`));

  for (const t of [NL_V3, EN_V3]) {
    it(`drawup and parse agree with the Go regexes for arbitrary values (${t.language} ${t.version})`, () => {
      fc.assert(
        fc.property(anyValue, anyValue, instant, (name, city, fromMillis) => {
          const from = Math.floor(fromMillis / 1000) * 1000;
          const rendered = t.template
            .replace('{{{legal_entity}}}', () => name)
            .replace('{{{legal_entity_city}}}', () => city)
            .replace('{{valid_from}}', () => formatContractDate(from, t.locale))
            .replace('{{valid_to}}', () => formatContractDate(from + HOUR, t.locale));
          const groups = nutsGroups(t, rendered);
          let drawn;
          try {
            drawn = drawUpContract({ template: t, legalEntity: name, legalEntityCity: city, validFrom: new Date(fromMillis) });
          } catch (error) {
            expect(error).toBeInstanceOf(NutshellError);
            expect(groups).toBeUndefined();
            return;
          }
          expect(drawn.text).toBe(rendered);
          expect(groups).toEqual([drawn.params.legal_entity, drawn.params.legal_entity_city, drawn.params.valid_from, drawn.params.valid_to]);

          const prefix = nutsPrefix(rendered);
          const sameTemplate = prefix !== undefined && prefix[0] === t.language && prefix[1] === t.type && prefix[2] === t.version;
          if (sameTemplate) expect(parseContractText(rendered).params).toEqual(drawn.params);
          else expect(() => parseContractText(rendered)).toThrow(NutshellError);
        }),
        { numRuns: 800 },
      );
    });
  }

  it('moves the part of a city before its last " te " into the name', () => {
    const c = drawUpContract({ template: NL_V3, legalEntity: 'Zorg', legalEntityCity: 'Bergen te Zoom', validFrom: new Date(0) });
    expect(c.params).toMatchObject({ legal_entity: 'Zorg te Bergen', legal_entity_city: 'Zoom' });
    const en = drawUpContract({ template: EN_V3, legalEntity: 'Care', legalEntityCity: 'A located in B', validFrom: new Date(0) });
    expect(en.params).toMatchObject({ legal_entity: 'Care located in A', legal_entity_city: 'B' });
  });

  it('keeps a name containing " te " intact', () => {
    const c = drawUpContract({ template: NL_V3, legalEntity: 'Huisarts te Velde', legalEntityCity: 'Ede', validFrom: new Date(0) });
    expect(parseContractText(c.text).params).toMatchObject({ legal_entity: 'Huisarts te Velde', legal_entity_city: 'Ede' });
  });

  it('cannot read back a name containing ":v3" (the prefix then names no template)', () => {
    const c = drawUpContract({ template: EN_V3, legalEntity: 'Org:v3', legalEntityCity: 'X', validFrom: new Date(0) });
    expect(() => parseContractText(c.text)).toThrow(expect.objectContaining({ code: 'CONTRACT_UNKNOWN_TEMPLATE' }));
  });

  it('cannot draw up empty values or values with a line break', () => {
    for (const [name, city] of [['', 'X'], ['X', ''], ['a\nb', 'X'], ['X', 'a\nb']] as const) {
      expect(() => drawUpContract({ template: NL_V3, legalEntity: name, legalEntityCity: city, validFrom: new Date(0) })).toThrow(
        expect.objectContaining({ code: 'INTERNAL' }),
      );
    }
  });
});
