/** Name and city of an organization, as its credential states them. */
export interface Organization {
  readonly name: string;
  readonly city: string;
}

/**
 * What drawing up a contract needs from the registry: the organization behind a legal-entity DID at a moment,
 * optionally from a credential given inline. Implemented by `Registry` of `#registry`.
 */
export interface LegalEntityResolver {
  resolveOrganization(legalEntity: string, options: { at: Date; credential?: unknown }): Promise<Organization>;
}

/** Nest token of the node's `LegalEntityResolver`. */
export const LEGAL_ENTITY_RESOLVER = Symbol.for('nutshell.auth.LegalEntityResolver');
