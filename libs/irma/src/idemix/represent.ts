import { exponentForAttribute } from './attributes.js';
import { type ExpEngine } from './exp-engine.js';
import { defaultEngine } from './fast-modexp.js';
import type { IssuerPublicKey } from './public-key.js';

/**
 * gabi `RepresentToPublicKey`: Π R_j^(x_j) mod n over an attribute vector (0 where hidden), attributes
 * longer than Lm hashed as everywhere else; undefined when the vector is longer than the key's bases.
 */
export function representToPublicKey(pk: IssuerPublicKey, vector: readonly bigint[], engine: ExpEngine = defaultEngine): bigint | undefined {
  const { n, R, params } = pk;
  if (vector.length > R.length) return undefined;
  const terms = vector.flatMap((x, j) => (x === 0n ? [] : [[R[j]!, exponentForAttribute(x, params.Lm)] as const]));
  return engine.multiExp(terms, n);
}
