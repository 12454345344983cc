/** Parts of a dotted identifier, or undefined when some part is empty. */
function parts(id: string): string[] | undefined {
  const split = id.split('.');
  return split.every((part) => part.length > 0) ? split : undefined;
}

/** True for `scheme.issuer.credential.attribute`. */
export function isAttributeId(id: string): boolean {
  return parts(id)?.length === 4;
}

/** True for `scheme.issuer.credential`. */
export function isCredentialTypeId(id: string): boolean {
  return parts(id)?.length === 3;
}

/** The credential type an attribute (or credential) request refers to. */
export function credentialTypeOf(id: string): string {
  return id.split('.').slice(0, 3).join('.');
}
