import { NutshellError } from '#errors';
import { BASE_PRESENTATION_TYPE, type ReceivedPresentation } from '../types/presentation.js';
import { goField, isJsonObject } from './go-field.js';

/** Prefix Nuts puts before every verification error. */
export const VERIFY_ERROR_PREFIX = 'unable to verify the verifiable presentation: ';

// Types are echoed in errors only when they look like a type name, never arbitrary (possibly personal) text.
const TYPE_NAME = /^[A-Za-z][A-Za-z0-9_.:-]{0,80}$/;

function invalid(detail: string): NutshellError {
  return new NutshellError('PRESENTATION_INVALID', VERIFY_ERROR_PREFIX + detail);
}

// go-did pluralises single values: `"type": "X"` reads as `["X"]`, a single proof object as a one-element list.
function plural(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Normalises a received presentation and picks its one custom type (Nuts: remove `VerifiablePresentation`,
 * exactly one type must remain). Throws PRESENTATION_INVALID with the Nuts detail texts.
 */
export function readPresentation(input: unknown): ReceivedPresentation {
  if (typeof input === 'string') throw invalid('presentations in JWT form are not supported');
  if (!isJsonObject(input)) throw invalid('the verifiable presentation must be a JSON object');
  const types = plural(goField(input, 'type'));
  if (!types.every((t): t is string => typeof t === 'string')) throw invalid('type must be a string or a list of strings');
  const custom = types.filter((t) => t !== BASE_PRESENTATION_TYPE);
  const [customType] = custom;
  if (custom.length !== 1 || customType === undefined) {
    throw invalid('unprocessable VerifiablePresentation, exactly 1 custom type is expected');
  }
  return { customType, proofs: plural(goField(input, 'proof')), raw: input };
}

/** The error for a presentation type no registered means verifies (Nuts text). */
export function unknownPresentationType(type: string): NutshellError {
  const shown = TYPE_NAME.test(type) ? type : '<omitted>';
  return new NutshellError('PRESENTATION_UNKNOWN_TYPE', `${VERIFY_ERROR_PREFIX}unknown VerifiablePresentation type: ${shown}`);
}
