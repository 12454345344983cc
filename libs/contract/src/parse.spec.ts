import { describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import { extractParams, parseContractText } from './parse.js';
import { findTemplate } from './templates.js';
import { CAREBEARS_VECTOR, EN_V3_VECTOR, NL_V1_VECTOR, NL_V3_VECTOR } from './vectors.js';

function failure(text: string): { code: string; detail: string } {
  try {
    parseContractText(text);
  } catch (error) {
    if (error instanceof NutshellError) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('parsed unexpectedly');
}

const NL_V3_BODY = 'Hierbij verklaar ik te handelen in naam van X te Y. Deze verklaring is geldig van a tot b.';

describe('parseContractText', () => {
  it('parses the §4.8 NL v1 vector', () => {
    const contract = parseContractText(NL_V1_VECTOR);
    expect(contract.template).toBe(findTemplate('NL', 'BehandelaarLogin', 'v1'));
    expect(contract.text).toBe(NL_V1_VECTOR);
    expect(contract.params).toEqual({
      acting_party: 'Alpha & Beta',
      legal_entity: 'Zorg & Zo',
      valid_from: 'woensdag, 1 januari 2020 02:01:01',
      valid_to: 'woensdag, 1 januari 2020 03:01:01',
    });
    expect(contract.validFrom?.toUTC().toISO()).toBe('2020-01-01T01:01:01.000Z');
    expect(contract.validTo?.toUTC().toISO()).toBe('2020-01-01T02:01:01.000Z');
  });

  it('parses the §4.8 NL v3 and EN v3 vectors', () => {
    const nl = parseContractText(NL_V3_VECTOR);
    expect(nl.template).toBe(findTemplate('NL', 'BehandelaarLogin', 'v3'));
    expect(nl.params).toEqual({
      legal_entity: 'Zorg & Zo',
      legal_entity_city: 'A & B',
      valid_from: 'woensdag, 1 januari 2020 02:01:01',
      valid_to: 'woensdag, 1 januari 2020 03:01:01',
    });
    const en = parseContractText(EN_V3_VECTOR);
    expect(en.template).toBe(findTemplate('EN', 'PractitionerLogin', 'v3'));
    expect(en.params).toEqual({
      legal_entity: 'Zorg & Zo',
      legal_entity_city: 'A & B',
      valid_from: 'Wednesday, 1 January 2020 02:01:01',
      valid_to: 'Wednesday, 1 January 2020 03:01:01',
    });
    expect(en.validFrom?.toUTC().toISO()).toBe('2020-01-01T01:01:01.000Z');
    expect(en.validTo?.toUTC().toISO()).toBe('2020-01-01T02:01:01.000Z');
  });

  it('parses the CareBears example', () => {
    const contract = parseContractText(CAREBEARS_VECTOR);
    expect(contract.params.legal_entity).toBe('CareBears');
    expect(contract.params.legal_entity_city).toBe('Caretown');
    expect(contract.validFrom?.toISO()).toBe('2019-06-24T14:32:00.000+02:00');
    expect(contract.validTo?.toISO()).toBe('2019-06-24T16:32:00.000+02:00');
  });

  it('keeps unparseable dates as params and leaves the instants out', () => {
    const contract = parseContractText(`NL:BehandelaarLogin:v3 ${NL_V3_BODY}`);
    expect(contract.params.valid_from).toBe('a');
    expect(contract.params.valid_to).toBe('b');
    expect(contract.validFrom).toBeUndefined();
    expect(contract.validTo).toBeUndefined();
  });

  it('fails on a text without the language:type:version prefix', () => {
    const detail = 'invalid contract text: could not extract contract version, language and type';
    for (const text of ['', 'garbage', 'NL:BehandelaarLogin', 'NL:BehandelaarLogin:3 x', 'N:BehandelaarLogin:v3 x', '\nNL:BehandelaarLogin:v3 x']) {
      expect(failure(text)).toEqual({ code: 'CONTRACT_INVALID_TEXT', detail });
    }
  });

  it('fails on unknown templates with the Nuts text', () => {
    expect(failure('DE:BehandelaarLogin:v1 Ondergetekende')).toEqual({
      code: 'CONTRACT_UNKNOWN_TEMPLATE',
      detail: "could not find contract template for language 'DE', type 'BehandelaarLogin' and version 'v1'",
    });
    expect(failure('NL:PgoLogin:v1 x')).toEqual({
      code: 'CONTRACT_UNKNOWN_TEMPLATE',
      detail: "could not find contract template for language 'NL', type 'PgoLogin' and version 'v1'",
    });
    expect(failure(`NL:BehandelaarLogin:v2 ${NL_V3_BODY}`).detail).toBe(
      "could not find contract template for language 'NL', type 'BehandelaarLogin' and version 'v2'",
    );
    expect(failure(`nl:BehandelaarLogin:v3 ${NL_V3_BODY}`).code).toBe('CONTRACT_UNKNOWN_TEMPLATE');
  });

  it('reads two code points as the language (u flag)', () => {
    expect(failure('😀😀:BehandelaarLogin:v3 x').detail).toBe(
      "could not find contract template for language '<omitted>', type 'BehandelaarLogin' and version 'v3'",
    );
  });

  it('takes the LAST :v<digits> of the first line as version (greedy prefix) and keeps contract text out of the detail', () => {
    const text = 'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van Zorg:v2 te Y. Deze verklaring is geldig van a tot b.';
    expect(failure(text)).toEqual({
      code: 'CONTRACT_UNKNOWN_TEMPLATE',
      detail: "could not find contract template for language 'NL', type '<omitted>' and version 'v2'",
    });
  });

  it('fails when the template regex does not match, e.g. a missing legal entity', () => {
    const detail = 'invalid contract text: could not match the contract template regex';
    expect(failure('NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van  te Caretown. Deze verklaring is geldig van a tot b.')).toEqual({
      code: 'CONTRACT_INVALID_TEXT',
      detail,
    });
    expect(failure('NL:BehandelaarLogin:v3 something else entirely')).toEqual({ code: 'CONTRACT_INVALID_TEXT', detail });
    expect(failure('EN:PractitionerLogin:v3 I hereby declare to act on behalf of X located in Y.')).toEqual({ code: 'CONTRACT_INVALID_TEXT', detail });
  });

  it('ignores later lines but lets the last group run to the end of its line (the final dot is a wildcard)', () => {
    const withLine = parseContractText(`${CAREBEARS_VECTOR}\nPS: anything`);
    expect(withLine.params.valid_to).toBe('maandag, 24 juni 2019 16:32:00');
    const sameLine = parseContractText(`${CAREBEARS_VECTOR} extra`);
    expect(sameLine.params.valid_to).toBe('maandag, 24 juni 2019 16:32:00. extr');
    expect(sameLine.validTo).toBeUndefined();
  });

  it('splits a city containing " te " at its last occurrence, so the name absorbs the rest (greedy)', () => {
    const text = 'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van Zorg te Bergen te Zoom. Deze verklaring is geldig van a tot b.';
    expect(parseContractText(text).params).toMatchObject({ legal_entity: 'Zorg te Bergen', legal_entity_city: 'Zoom' });
  });
});

describe('extractParams', () => {
  it('matches with a given template without looking at the prefix (as Nuts Render does)', () => {
    const nl = findTemplate('NL', 'BehandelaarLogin', 'v3');
    if (nl === undefined) throw new Error('missing template');
    expect(extractParams(nl, `garbage before NL:BehandelaarLogin:v3 ${NL_V3_BODY}`)).toEqual({
      legal_entity: 'X',
      legal_entity_city: 'Y',
      valid_from: 'a',
      valid_to: 'b',
    });
  });
});
