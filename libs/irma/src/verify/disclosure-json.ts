/**
 * Parsing what a Yivi app posts for a disclosure (irmago `Disclosure`: `{"proofs", "indices"}`)
 * or a bare proof list. Parsing never throws: a body the idemix parser refuses is reported as
 * unparsable so that the caller can answer INVALID (idemix.md §13.1), not a server error.
 */
import { parseProofList, type Proof } from '../idemix/proof.js';
import type { DisclosedAttributeIndex } from './disclosed-attribute.js';
import { asJsonObject, goField } from './go-json.js';

/** The proofs and, per disjunction, where its attributes are. */
export interface ParsedDisclosure {
  readonly proofs: Proof[];
  readonly indices: DisclosedAttributeIndex[][];
}

/** Parses a proof list; an empty array is allowed here (irmago accepts empty lists for disclosures). */
export function parseProofs(value: unknown): Proof[] | undefined {
  if (Array.isArray(value) && value.length === 0) return [];
  try {
    return parseProofList(value);
  } catch {
    return undefined;
  }
}

/** Parses `[[{"cred":0,"attr":2}, …], …]`; absent or null means no indices. */
export function parseIndices(value: unknown): DisclosedAttributeIndex[][] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const result: DisclosedAttributeIndex[][] = [];
  for (const set of value) {
    if (set === null) {
      result.push([]);
      continue;
    }
    if (!Array.isArray(set)) return undefined;
    const parsed: DisclosedAttributeIndex[] = [];
    for (const entry of set) {
      const object = asJsonObject(entry);
      if (object === undefined) return undefined;
      const cred = goField(object, 'cred');
      const attr = goField(object, 'attr');
      if (!Number.isSafeInteger(cred) || !Number.isSafeInteger(attr)) return undefined;
      parsed.push({ cred: cred as number, attr: attr as number });
    }
    result.push(parsed);
  }
  return result;
}

/** Parses a disclosure body (`{"proofs":[…],"indices":[…]}` or a bare proof list); undefined when unparsable. */
export function parseDisclosure(body: unknown): ParsedDisclosure | undefined {
  if (Array.isArray(body)) {
    const proofs = parseProofs(body);
    return proofs === undefined ? undefined : { proofs, indices: [] };
  }
  const object = asJsonObject(body);
  if (object === undefined) return undefined;
  const proofs = parseProofs(goField(object, 'proofs') ?? []);
  const indices = parseIndices(goField(object, 'indices'));
  if (proofs === undefined || indices === undefined) return undefined;
  return { proofs, indices };
}
