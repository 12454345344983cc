import type { ContractTemplate } from './types.js';

/** Signer attributes of the v3 templates; the leading dot is replaced by the configured IRMA scheme manager. */
export const STANDARD_SIGNER_ATTRIBUTES: readonly string[] = Object.freeze([
  '.gemeente.personalData.initials',
  '.gemeente.personalData.prefix',
  '.gemeente.personalData.familyname',
  '.gemeente.personalData.digidlevel',
  '.sidn-pbdf.email.email',
]);

// v1 survives in Nuts only because old IRMA test signatures use it; it cannot be drawn up (no acting_party input).
const NL_V1: ContractTemplate = Object.freeze({
  language: 'NL',
  type: 'BehandelaarLogin',
  version: 'v1',
  locale: 'nl_NL',
  template:
    'NL:BehandelaarLogin:v1 Ondergetekende geeft toestemming aan {{{acting_party}}} om namens {{{legal_entity}}} en ondergetekende het Nuts netwerk te bevragen. Deze toestemming is geldig van {{valid_from}} tot {{valid_to}}.',
  templateAttributes: Object.freeze(['acting_party', 'legal_entity', 'valid_from', 'valid_to'] as const),
  signerAttributes: Object.freeze(['.nuts.agb.agbcode']),
  regex:
    'NL:BehandelaarLogin:v1 Ondergetekende geeft toestemming aan (.+) om namens (.+) en ondergetekende het Nuts netwerk te bevragen. Deze toestemming is geldig van (.+) tot (.+).',
});

const NL_V3: ContractTemplate = Object.freeze({
  language: 'NL',
  type: 'BehandelaarLogin',
  version: 'v3',
  locale: 'nl_NL',
  template:
    'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van {{{legal_entity}}} te {{{legal_entity_city}}}. Deze verklaring is geldig van {{valid_from}} tot {{valid_to}}.',
  templateAttributes: Object.freeze(['legal_entity', 'legal_entity_city', 'valid_from', 'valid_to'] as const),
  signerAttributes: STANDARD_SIGNER_ATTRIBUTES,
  regex:
    'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van (.+) te (.+). Deze verklaring is geldig van (.+) tot (.+).',
});

const EN_V3: ContractTemplate = Object.freeze({
  language: 'EN',
  type: 'PractitionerLogin',
  version: 'v3',
  locale: 'en_US',
  template:
    'EN:PractitionerLogin:v3 I hereby declare to act on behalf of {{{legal_entity}}} located in {{{legal_entity_city}}}. This declaration is valid from {{valid_from}} until {{valid_to}}.',
  templateAttributes: Object.freeze(['legal_entity', 'legal_entity_city', 'valid_from', 'valid_to'] as const),
  signerAttributes: STANDARD_SIGNER_ATTRIBUTES,
  regex:
    'EN:PractitionerLogin:v3 I hereby declare to act on behalf of (.+) located in (.+). This declaration is valid from (.+) until (.+).',
});

const ALL: readonly ContractTemplate[] = Object.freeze([NL_V1, NL_V3, EN_V3]);

/** The version used when a caller leaves it empty, as in Nuts. */
export const DEFAULT_CONTRACT_VERSION = 'v3';

/**
 * Looks a template up by its exact (case-sensitive) language, type and version; an empty version means v3.
 * Takes plain strings because the values come straight from requests and contract texts.
 */
export function findTemplate(language: string, type: string, version: string): ContractTemplate | undefined {
  const wanted = version === '' ? DEFAULT_CONTRACT_VERSION : version;
  return ALL.find((t) => t.language === language && t.type === type && t.version === wanted);
}

/** Lists every known template (NL BehandelaarLogin v1 and v3, EN PractitionerLogin v3). */
export function listTemplates(): readonly ContractTemplate[] {
  return ALL;
}
