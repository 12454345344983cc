import { NutshellError } from '#errors';
import type { CredentialType } from './types.js';

/** irmago's `maxDepComplexity`: deeper dependency chains are refused. */
const MAX_DEPENDENCY_DEPTH = 25;

const CIRCULAR = Symbol('circular');

function check(
  types: ReadonlyMap<string, CredentialType>, current: CredentialType, chain: readonly string[], target: string,
): typeof CIRCULAR | undefined {
  if (chain.length >= MAX_DEPENDENCY_DEPTH) {
    throw new NutshellError('SCHEME_INVALID', `credential type ${target}: dependency tree too complex (${chain.join(', ')})`);
  }
  for (const discon of current.dependencies ?? []) {
    const satisfiable = discon.some((con) =>
      con.every((item) => {
        if (item === target) return false;
        const dep = types.get(item);
        if (dep === undefined) {
          throw new NutshellError('SCHEME_INVALID', `credential type ${current.id} depends on unknown credential type ${item}`);
        }
        if (dep.schemeId !== current.schemeId) {
          throw new NutshellError('SCHEME_INVALID', `credential type ${current.id} depends on ${item} outside its scheme`);
        }
        return dep.dependencies === undefined || check(types, dep, [...chain, item], target) !== CIRCULAR;
      }),
    );
    if (!satisfiable) return CIRCULAR;
  }
  return undefined;
}

/**
 * Validates the `Dependencies` of every credential type of one scheme as irmago does: dependencies stay inside the
 * scheme, exist, and every disjunction keeps at least one option that does not lead back to the type itself.
 */
export function validateDependencies(types: ReadonlyMap<string, CredentialType>): void {
  for (const type of types.values()) {
    if (type.dependencies === undefined) continue;
    if (check(types, type, [], type.id) === CIRCULAR) {
      throw new NutshellError('SCHEME_INVALID', `credential type ${type.id}: circular dependency`);
    }
  }
}
