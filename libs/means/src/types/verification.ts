/** Attribute name → value, as Nuts returns `issuerAttributes` and `credentials`. */
export type AttributeMap = Readonly<Record<string, string>>;

/**
 * Outcome of verifying a presentation. `reason` of an invalid one is for the node's log only: Nuts never
 * returns it to the caller, and it may name what was wrong with someone's presentation.
 */
export type VerificationResult =
  | {
      readonly validity: true;
      readonly vpType: string;
      /** Attributes disclosed by the signer (for dummy: initials, prefix, familyname, email, username, assurance_level). */
      readonly issuerAttributes: AttributeMap;
      /** The contract's template attributes (legal_entity, legal_entity_city, valid_from, valid_to). */
      readonly credentials: AttributeMap;
    }
  | { readonly validity: false; readonly reason: string };
