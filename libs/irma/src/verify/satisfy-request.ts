/**
 * Matching disclosed attributes against a condiscon (irmago `AttributeConDisCon.Satisfy` and
 * `Disclosure.extraIndices`, idemix.md §5.5 step 3).
 */
import type { AttributeCon, AttributeConDisCon, AttributeRequest } from '../request/types.js';
import { extractAttribute, type DisclosedAttributeIndex, type RevocationFacts } from './disclosed-attribute.js';
import type { ResolvedCredential } from './resolve-credentials.js';
import type { DisclosedAttribute } from './types.js';

/** Outcome of matching; `undefined` attributes mean an index pointed at nothing (irmago errors out). */
export type Satisfaction =
  | { readonly ok: true; readonly complete: boolean; readonly disclosed: (DisclosedAttribute[] | null)[] }
  | { readonly ok: false };

class BadIndex extends Error {}

function attributeSatisfies(request: AttributeRequest, attribute: DisclosedAttribute): boolean {
  const value = attribute.rawvalue;
  return (
    request.type === attribute.id &&
    (request.notNull !== true || value !== null) &&
    (request.value === undefined || request.value === null || (value !== null && request.value === value))
  );
}

function satisfyCon(
  con: AttributeCon,
  indices: readonly DisclosedAttributeIndex[],
  credentials: readonly ResolvedCredential[],
  revocation: ReadonlyMap<number, RevocationFacts>,
): DisclosedAttribute[] | undefined {
  if (indices.length < con.length) return undefined;
  // A non-empty choice cannot be the empty (optional) option (irmamobile #360).
  if (con.length === 0) return indices.length > 0 ? undefined : [];
  const attributes: DisclosedAttribute[] = [];
  for (const [j, request] of con.entries()) {
    const attribute = extractAttribute(credentials, indices[j]!, revocation);
    if (attribute === undefined) throw new BadIndex();
    if (!attributeSatisfies(request, attribute)) return undefined;
    attributes.push(attribute);
  }
  return attributes;
}

function extraIndices(
  credentials: readonly ResolvedCredential[],
  indices: readonly (readonly DisclosedAttributeIndex[])[],
  requested: number,
): DisclosedAttributeIndex[] {
  const disclosed = credentials.map((credential) => new Set([...credential.proof.aDisclosed.keys()].filter((k) => k > 1)));
  indices.slice(0, requested).forEach((set) => {
    for (const index of set) disclosed[index.cred]?.delete(index.attr);
  });
  // Go walks maps in random order; sorting keeps results reproducible.
  return disclosed.flatMap((set, cred) => [...set].sort((a, b) => a - b).map((attr) => ({ cred, attr })));
}

/** Matches `indices` against `condiscon` and appends the unrequested disclosed attributes as EXTRA. */
export function satisfyRequest(
  condiscon: AttributeConDisCon,
  indices: readonly (readonly DisclosedAttributeIndex[])[],
  credentials: readonly ResolvedCredential[],
  revocation: ReadonlyMap<number, RevocationFacts>,
): Satisfaction {
  try {
    let complete = true;
    let disclosed: (DisclosedAttribute[] | null)[] = [];
    if (indices.length < condiscon.length) {
      complete = false;
    } else {
      disclosed = condiscon.map((discon, i) => {
        for (const con of discon) {
          const attributes = satisfyCon(con, indices[i]!, credentials, revocation);
          if (attributes !== undefined) return attributes;
        }
        complete = false;
        return null;
      });
    }
    const extra: DisclosedAttribute[] = [];
    for (const index of extraIndices(credentials, indices, condiscon.length)) {
      const attribute = extractAttribute(credentials, index, revocation, 'EXTRA');
      if (attribute === undefined) throw new BadIndex();
      extra.push(attribute);
    }
    if (extra.length > 0) disclosed.push(extra);
    return { ok: true, complete, disclosed };
  } catch (error) {
    if (error instanceof BadIndex) return { ok: false };
    throw error;
  }
}
