/**
 * One disclosed attribute as irmago reports it (`extractAttribute` / `parseAttribute`): index 1
 * stands for the credential itself ("present"), index k ≥ 2 for attribute type k − 2.
 */
import { EXPIRY_FACTOR } from '../idemix/params.js';
import type { Accumulator } from '../revocation/signed-accumulator.js';
import { decodeAttributeValue, decodeRandomBlindValue } from './attribute-value.js';
import type { ResolvedCredential } from './resolve-credentials.js';
import type { AttributeProofStatus, DisclosedAttribute } from './types.js';

/** Where a disclosed attribute sits: position in the proof list and gabi attribute index. */
export interface DisclosedAttributeIndex {
  readonly cred: number;
  readonly attr: number;
}

/** Revocation facts of one proof position, from the nonrevocation check. */
export interface RevocationFacts {
  readonly accumulator: Accumulator;
  /** Set when the accumulator is older than the tolerance at the validity instant. */
  readonly notRevokedBefore?: number;
}

/** The attribute at `index`, or undefined when the index points outside the proofs or the credential type. */
export function extractAttribute(
  credentials: readonly ResolvedCredential[],
  index: DisclosedAttributeIndex,
  revocation: ReadonlyMap<number, RevocationFacts>,
  status?: AttributeProofStatus,
): DisclosedAttribute | undefined {
  const credential = credentials[index.cred];
  if (credential === undefined || !Number.isInteger(index.attr) || index.attr < 1) return undefined;
  const { credentialType, metadata, proof } = credential;
  let id: string;
  let rawvalue: string | null;
  if (index.attr === 1) {
    id = credentialType.id;
    rawvalue = 'present';
  } else {
    const attributeType = credentialType.attributes[index.attr - 2];
    const value = proof.aDisclosed.get(index.attr);
    if (attributeType === undefined || value === undefined) return undefined;
    id = attributeType.id;
    rawvalue = attributeType.randomBlind === true ? decodeRandomBlindValue(value) : decodeAttributeValue(value, metadata.version);
  }
  const facts = revocation.get(index.cred);
  const signingWeeks = Math.floor(metadata.signingDate.getTime() / 1000 / EXPIRY_FACTOR);
  return {
    rawvalue,
    value: rawvalue === null ? null : { '': rawvalue, en: rawvalue, nl: rawvalue },
    id,
    status: status ?? (rawvalue === null ? 'NULL' : 'PRESENT'),
    issuancetime: signingWeeks * EXPIRY_FACTOR,
    ...(proof.nonrevProof !== undefined ? { notrevoked: true } : {}),
    ...(facts?.notRevokedBefore !== undefined ? { notrevokedbefore: facts.notRevokedBefore } : {}),
  };
}
