import type { Means, MeansName } from '../types/means.js';
import { MeansRegistry } from './means-registry.js';

/** The part of the node configuration that decides which means exist. */
export interface MeansSelection {
  /** Configured means names (matched case-insensitively, as Nuts `auth.contractvalidators`). */
  readonly means: readonly string[];
  readonly strictMode: boolean;
}

/** Builds one means; called only for means that are configured and allowed. */
export type MeansFactories = Readonly<Partial<Record<MeansName, () => Means>>>;

/** What was built, and what was configured but left out (for the startup log). */
export interface BuiltMeansRegistry {
  readonly registry: MeansRegistry;
  /** Configured names without an implementation in this node (e.g. irma before it is wired). */
  readonly unavailable: readonly string[];
  /** Configured names refused by strict mode. */
  readonly refused: readonly string[];
}

// Development-only means: strict mode never registers them (Nuts silently ignores them there).
const DEVELOPMENT_ONLY: ReadonlySet<string> = new Set(['dummy']);

/** Builds the means registry from configuration: dummy is refused in strict mode, unknown names are reported. */
export function createMeansRegistry(selection: MeansSelection, factories: MeansFactories): BuiltMeansRegistry {
  const means: Means[] = [];
  const unavailable: string[] = [];
  const refused: string[] = [];
  for (const name of new Set(selection.means.map((n) => n.toLowerCase()))) {
    if (selection.strictMode && DEVELOPMENT_ONLY.has(name)) {
      refused.push(name);
      continue;
    }
    const factory = Object.hasOwn(factories, name) ? factories[name as MeansName] : undefined;
    if (factory === undefined) unavailable.push(name);
    else means.push(factory());
  }
  const disabled = new Set(selection.strictMode ? DEVELOPMENT_ONLY : []);
  return { registry: new MeansRegistry(means, disabled), unavailable, refused };
}
