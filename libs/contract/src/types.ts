import type { DateTime } from 'luxon';

/** Contract language as it appears in the text prefix; case-sensitive, as in Nuts. */
export type ContractLanguage = 'NL' | 'EN';
/** Contract type as it appears in the text prefix. */
export type ContractType = 'BehandelaarLogin' | 'PractitionerLogin';
/** Template version; Nuts never had a v2. */
export type ContractVersion = 'v1' | 'v3';
/** ICU locale whose day and month names are used in the rendered dates. */
export type ContractLocale = 'nl_NL' | 'en_US';

/** The placeholders that occur in the known templates. */
export type TemplateAttribute = 'acting_party' | 'legal_entity' | 'legal_entity_city' | 'valid_from' | 'valid_to';

/** One login-contract template, exactly as the Nuts node's template store holds it. */
export interface ContractTemplate {
  readonly language: ContractLanguage;
  readonly type: ContractType;
  readonly version: ContractVersion;
  readonly locale: ContractLocale;
  /** Mustache text; name and city in triple braces (never escaped), dates in double braces. */
  readonly template: string;
  /** Placeholders in the order the capture groups of `regex` fill them. */
  readonly templateAttributes: readonly TemplateAttribute[];
  /** IRMA attributes the signer must disclose; a leading dot means "prefix with the configured scheme manager". */
  readonly signerAttributes: readonly string[];
  /** The Nuts (Go RE2) pattern, verbatim: unanchored, unescaped dots, greedy groups. */
  readonly regex: string;
}

/** Values found in (or put into) a contract text, keyed by template attribute. */
export type ContractParams = Readonly<Partial<Record<TemplateAttribute, string>>>;

/** A contract text together with its template and the values the template regex extracted from it. */
export interface Contract {
  readonly template: ContractTemplate;
  readonly params: ContractParams;
  readonly text: string;
  /** `valid_from` as an instant in Europe/Amsterdam, when it parses. */
  readonly validFrom?: DateTime;
  /** `valid_to` as an instant in Europe/Amsterdam, when it parses. */
  readonly validTo?: DateTime;
}
