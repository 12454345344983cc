import { describe, expect, it } from 'vitest';
import { STANDARD_SIGNER_ATTRIBUTES, findTemplate, listTemplates } from './templates.js';

describe('template store', () => {
  it('holds exactly NL BehandelaarLogin v1 and v3 and EN PractitionerLogin v3', () => {
    expect(listTemplates().map((t) => `${t.language}:${t.type}:${t.version}`)).toEqual([
      'NL:BehandelaarLogin:v1',
      'NL:BehandelaarLogin:v3',
      'EN:PractitionerLogin:v3',
    ]);
  });

  it('has the exact §4.2 texts', () => {
    expect(findTemplate('NL', 'BehandelaarLogin', 'v1')?.template).toBe(
      'NL:BehandelaarLogin:v1 Ondergetekende geeft toestemming aan {{{acting_party}}} om namens {{{legal_entity}}} en ondergetekende het Nuts netwerk te bevragen. Deze toestemming is geldig van {{valid_from}} tot {{valid_to}}.',
    );
    expect(findTemplate('NL', 'BehandelaarLogin', 'v3')?.template).toBe(
      'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van {{{legal_entity}}} te {{{legal_entity_city}}}. Deze verklaring is geldig van {{valid_from}} tot {{valid_to}}.',
    );
    expect(findTemplate('EN', 'PractitionerLogin', 'v3')?.template).toBe(
      'EN:PractitionerLogin:v3 I hereby declare to act on behalf of {{{legal_entity}}} located in {{{legal_entity_city}}}. This declaration is valid from {{valid_from}} until {{valid_to}}.',
    );
  });

  it('has the exact §4.6 regexes', () => {
    expect(findTemplate('NL', 'BehandelaarLogin', 'v1')?.regex).toBe(
      'NL:BehandelaarLogin:v1 Ondergetekende geeft toestemming aan (.+) om namens (.+) en ondergetekende het Nuts netwerk te bevragen. Deze toestemming is geldig van (.+) tot (.+).',
    );
    expect(findTemplate('NL', 'BehandelaarLogin', 'v3')?.regex).toBe(
      'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van (.+) te (.+). Deze verklaring is geldig van (.+) tot (.+).',
    );
    expect(findTemplate('EN', 'PractitionerLogin', 'v3')?.regex).toBe(
      'EN:PractitionerLogin:v3 I hereby declare to act on behalf of (.+) located in (.+). This declaration is valid from (.+) until (.+).',
    );
  });

  it('has the §4.1 locales, attributes and signer attributes', () => {
    const v1 = findTemplate('NL', 'BehandelaarLogin', 'v1');
    expect(v1?.locale).toBe('nl_NL');
    expect(v1?.templateAttributes).toEqual(['acting_party', 'legal_entity', 'valid_from', 'valid_to']);
    expect(v1?.signerAttributes).toEqual(['.nuts.agb.agbcode']);
    const en = findTemplate('EN', 'PractitionerLogin', 'v3');
    expect(en?.locale).toBe('en_US');
    expect(en?.templateAttributes).toEqual(['legal_entity', 'legal_entity_city', 'valid_from', 'valid_to']);
    expect(STANDARD_SIGNER_ATTRIBUTES).toEqual([
      '.gemeente.personalData.initials',
      '.gemeente.personalData.prefix',
      '.gemeente.personalData.familyname',
      '.gemeente.personalData.digidlevel',
      '.sidn-pbdf.email.email',
    ]);
    expect(findTemplate('NL', 'BehandelaarLogin', 'v3')?.signerAttributes).toEqual(STANDARD_SIGNER_ATTRIBUTES);
  });

  it('maps an empty version to v3 and is case-sensitive', () => {
    expect(findTemplate('NL', 'BehandelaarLogin', '')?.version).toBe('v3');
    expect(findTemplate('EN', 'PractitionerLogin', '')?.version).toBe('v3');
    expect(findTemplate('nl', 'BehandelaarLogin', 'v3')).toBeUndefined();
    expect(findTemplate('NL', 'behandelaarlogin', 'v3')).toBeUndefined();
    expect(findTemplate('NL', 'BehandelaarLogin', 'V3')).toBeUndefined();
    expect(findTemplate('NL', 'BehandelaarLogin', 'v2')).toBeUndefined();
    expect(findTemplate('EN', 'BehandelaarLogin', 'v3')).toBeUndefined();
    expect(findTemplate('EN', 'PractitionerLogin', 'v1')).toBeUndefined();
  });

  it('cannot be modified by callers', () => {
    const t = findTemplate('NL', 'BehandelaarLogin', 'v3');
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t?.templateAttributes)).toBe(true);
    expect(Object.isFrozen(listTemplates())).toBe(true);
  });
});
