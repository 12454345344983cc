import { NutshellError } from '#errors';
import { isCredentialType, type CredentialType } from '#registry';

/** Throws `code` unless `type` is a credential type this node knows (its contexts define it). */
export function knownCredentialType(type: string, code: 'INVALID_INPUT' | 'NOT_FOUND'): CredentialType {
  if (!isCredentialType(type)) throw new NutshellError(code, `unknown credential type '${type.slice(0, 100)}'`);
  return type;
}
