import { describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import { drawUpContract } from './drawup.js';
import { parseContractText } from './parse.js';
import { findTemplate } from './templates.js';
import type { Contract, ContractTemplate } from './types.js';
import { verifyContractAt, type VerifyContractOptions } from './validate.js';
import { CAREBEARS_VECTOR, NL_V1_VECTOR } from './vectors.js';

function template(language: string, type: string, version: string): ContractTemplate {
  const found = findTemplate(language, type, version);
  if (found === undefined) throw new Error('missing template');
  return found;
}

function failure(contract: Contract | string, at: string, options?: VerifyContractOptions): { code: string; detail: string } {
  try {
    verifyContractAt(contract, new Date(at), options);
  } catch (error) {
    if (error instanceof NutshellError) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('verified unexpectedly');
}

const NOT_YET = { code: 'CONTRACT_NOT_YET_VALID', detail: 'invalid contract text: invalid period: contract is not yet valid' };
const EXPIRED = { code: 'CONTRACT_EXPIRED', detail: 'invalid contract text: invalid period: contract is expired' };

// CareBears: valid from 2019-06-24T12:32:00Z to 2019-06-24T14:32:00Z.
const carebears = parseContractText(CAREBEARS_VECTOR);

describe('verifyContractAt', () => {
  it('accepts a time inside the period and returns the contract', () => {
    expect(verifyContractAt(carebears, new Date('2019-06-24T13:00:00Z'))).toBe(carebears);
    expect(verifyContractAt(CAREBEARS_VECTOR, new Date('2019-06-24T13:00:00Z')).params.legal_entity).toBe('CareBears');
  });

  it('has inclusive boundaries at millisecond resolution', () => {
    expect(() => verifyContractAt(carebears, new Date('2019-06-24T12:32:00.000Z'))).not.toThrow();
    expect(() => verifyContractAt(carebears, new Date('2019-06-24T14:32:00.000Z'))).not.toThrow();
    expect(failure(carebears, '2019-06-24T12:31:59.999Z')).toEqual(NOT_YET);
    expect(failure(carebears, '2019-06-24T14:32:00.001Z')).toEqual(EXPIRED);
  });

  it('reports not yet valid and expired far from the period too', () => {
    expect(failure(carebears, '2019-01-01T00:00:00Z')).toEqual(NOT_YET);
    expect(failure(carebears, '2030-01-01T00:00:00Z')).toEqual(EXPIRED);
  });

  it('widens both ends by the clock skew, inclusively; no skew by default', () => {
    const skew = { clockSkewSeconds: 5 };
    expect(() => verifyContractAt(carebears, new Date('2019-06-24T12:31:55.000Z'), skew)).not.toThrow();
    expect(() => verifyContractAt(carebears, new Date('2019-06-24T14:32:05.000Z'), skew)).not.toThrow();
    expect(failure(carebears, '2019-06-24T12:31:54.999Z', skew)).toEqual(NOT_YET);
    expect(failure(carebears, '2019-06-24T14:32:05.001Z', skew)).toEqual(EXPIRED);
    expect(failure(carebears, '2019-06-24T12:31:59.000Z')).toEqual(NOT_YET);
  });

  it('rejects valid_from after valid_to before looking at the time (negative duration)', () => {
    const c = drawUpContract({ template: template('NL', 'BehandelaarLogin', 'v3'), legalEntity: 'X', legalEntityCity: 'Y', validFrom: new Date('2020-01-01T12:00:00Z'), validDuration: '-1h' });
    expect(failure(c, '2020-01-01T11:30:00Z')).toEqual({
      code: 'CONTRACT_INVALID_PERIOD',
      detail: 'invalid contract text: invalid period: [valid_from] must become before [valid_to]',
    });
  });

  it('accepts a period of zero length at exactly that second', () => {
    const text = 'EN:PractitionerLogin:v3 I hereby declare to act on behalf of X located in Y. This declaration is valid from Wednesday, 1 January 2020 02:01:01 until Wednesday, 1 January 2020 02:01:01.';
    expect(() => verifyContractAt(text, new Date('2020-01-01T01:01:01Z'))).not.toThrow();
    expect(failure(text, '2020-01-01T01:01:01.001Z')).toEqual(EXPIRED);
  });

  it('accepts Dutch dates in an English contract and an unchecked weekday, as Nuts does', () => {
    const text = 'EN:PractitionerLogin:v3 I hereby declare to act on behalf of X located in Y. This declaration is valid from Dinsdag, 3 April 2019 16:36:06 until woensdag, 3 april 2019 17:36:06.';
    expect(() => verifyContractAt(text, new Date('2019-04-03T15:00:00Z'))).not.toThrow();
  });

  it('verifies the §4.8 v1 vector in its period', () => {
    expect(verifyContractAt(NL_V1_VECTOR, new Date('2020-01-01T01:30:00Z')).params.acting_party).toBe('Alpha & Beta');
  });

  it('reports an unparseable date with the Nuts text', () => {
    const text = 'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van X te Y. Deze verklaring is geldig van vandaag tot morgen.';
    expect(failure(text, '2020-01-01T00:00:00Z')).toEqual({
      code: 'CONTRACT_INVALID_TEXT',
      detail:
        'invalid contract text: unable to parse [valid_from]: invalid time string [vandaag]: parsing time "vandaag" as "Monday, 2 January 2006 15:04:05": cannot parse "vandaag" as "Monday"',
    });
    const badTo = 'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van X te Y. Deze verklaring is geldig van woensdag, 1 januari 2020 02:01:01 tot morgen.';
    expect(failure(badTo, '2020-01-01T00:00:00Z').detail).toBe(
      'invalid contract text: unable to parse [valid_to]: invalid time string [morgen]: parsing time "morgen" as "Monday, 2 January 2006 15:04:05": cannot parse "morgen" as "Monday"',
    );
  });

  it('does not echo a long non-date value into the error detail', () => {
    const secret = 'Jan Jansen, geboren 1 januari 1970, BSN 123456789 en verder nog wat tekst';
    const text = `NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van X te Y. Deze verklaring is geldig van ${secret} tot morgen.`;
    const { code, detail } = failure(text, '2020-01-01T00:00:00Z');
    expect(code).toBe('CONTRACT_INVALID_TEXT');
    expect(detail).toBe('invalid contract text: unable to parse [valid_from]: invalid time string [<omitted>]');
    expect(detail).not.toContain('Jansen');
  });

  it('reports missing dates', () => {
    const { valid_from: _dropped, ...rest } = carebears.params;
    const contract: Contract = { ...carebears, params: rest };
    expect(failure(contract, '2019-06-24T13:00:00Z')).toEqual({ code: 'CONTRACT_INVALID_TEXT', detail: 'invalid contract text: value for [valid_from] is missing' });
    const { valid_to: _gone, ...noTo } = carebears.params;
    expect(failure({ ...carebears, params: noTo }, '2019-06-24T13:00:00Z').detail).toBe('invalid contract text: value for [valid_to] is missing');
  });

  it('rejects unknown templates and garbage', () => {
    expect(failure('DE:BehandelaarLogin:v1 x', '2020-01-01T00:00:00Z').code).toBe('CONTRACT_UNKNOWN_TEMPLATE');
    expect(failure('garbage', '2020-01-01T00:00:00Z')).toEqual({
      code: 'CONTRACT_INVALID_TEXT',
      detail: 'invalid contract text: could not extract contract version, language and type',
    });
    expect(failure('NL:BehandelaarLogin:v3 nonsense', '2020-01-01T00:00:00Z').code).toBe('CONTRACT_INVALID_TEXT');
    const forged: Contract = { ...carebears, template: { ...carebears.template, regex: '(.+)' } };
    expect(failure(forged, '2019-06-24T13:00:00Z').code).toBe('CONTRACT_UNKNOWN_TEMPLATE');
  });

  it('accepts a contract that went through JSON (as in a session store)', () => {
    const revived = JSON.parse(JSON.stringify(carebears)) as Contract;
    expect(verifyContractAt(revived, new Date('2019-06-24T13:00:00Z')).params.legal_entity).toBe('CareBears');
    expect(failure(revived, '2019-06-24T15:00:00Z')).toEqual(EXPIRED);
  });

  it('checks the legal entity (and city) exactly when asked, after the period', () => {
    const at = '2019-06-24T13:00:00Z';
    expect(() => verifyContractAt(carebears, new Date(at), { legalEntity: 'CareBears' })).not.toThrow();
    expect(() => verifyContractAt(carebears, new Date(at), { legalEntity: 'CareBears', legalEntityCity: 'Caretown' })).not.toThrow();
    const mismatch = { code: 'CONTRACT_LEGAL_ENTITY_MISMATCH', detail: 'legal entity mismatch' };
    expect(failure(carebears, at, { legalEntity: 'Carebears' })).toEqual(mismatch);
    expect(failure(carebears, at, { legalEntity: 'CareBears ' })).toEqual(mismatch);
    expect(failure(carebears, at, { legalEntity: 'CareBears', legalEntityCity: 'Caretown2' })).toEqual(mismatch);
    expect(failure(carebears, '2030-01-01T00:00:00Z', { legalEntity: 'Other' })).toEqual(EXPIRED);
  });

  it('treats the missing city of a v1 contract as empty', () => {
    const at = '2020-01-01T01:30:00Z';
    expect(() => verifyContractAt(NL_V1_VECTOR, new Date(at), { legalEntity: 'Zorg & Zo', legalEntityCity: '' })).not.toThrow();
    expect(failure(NL_V1_VECTOR, at, { legalEntity: 'Zorg & Zo', legalEntityCity: 'A & B' }).code).toBe('CONTRACT_LEGAL_ENTITY_MISMATCH');
  });

  it('reads dates in the repeated October hour as the later (CET) instant, like Nuts', () => {
    // valid_to drawn up for 00:30Z (02:30 CEST) reads back as 02:30 CET = 01:30Z: one hour longer.
    const nl = template('NL', 'BehandelaarLogin', 'v3');
    const c = drawUpContract({ template: nl, legalEntity: 'X', legalEntityCity: 'Y', validFrom: '2024-10-27T00:00:00Z', validDuration: '30m' });
    expect(c.params.valid_to).toBe('zondag, 27 oktober 2024 02:30:00');
    expect(() => verifyContractAt(c, new Date('2024-10-27T01:30:00Z'))).not.toThrow();
    expect(failure(c, '2024-10-27T01:30:00.001Z')).toEqual(EXPIRED);
  });

  it('refuses a negative or non-numeric skew and an invalid check time', () => {
    expect(failure(carebears, '2019-06-24T13:00:00Z', { clockSkewSeconds: -1 }).code).toBe('INVALID_INPUT');
    expect(failure(carebears, '2019-06-24T13:00:00Z', { clockSkewSeconds: Number.NaN }).code).toBe('INVALID_INPUT');
    expect(failure(carebears, 'not a date').code).toBe('INVALID_INPUT');
  });
});
