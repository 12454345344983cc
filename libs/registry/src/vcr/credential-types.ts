import { NUTS_CREDENTIALS_V1_URL, NUTSHELL_MEANS_V1_URL, W3C_CREDENTIALS_V1_URL, ED25519_2020_V1_URL } from '../jsonld/contexts/index.js';

/** Credential types our bundled contexts define, so they survive JSON-LD safe mode. */
export const credentialTypes = ['NutsOrganizationCredential', 'NutsEmployeeCredential'] as const;
export type CredentialType = (typeof credentialTypes)[number];

/** Whether `type` is a credential type this node can issue and verify. */
export function isCredentialType(type: string): type is CredentialType {
  return (credentialTypes as readonly string[]).includes(type);
}

/** Contexts a caller may name in an issue request. */
export const issuableContexts: readonly string[] = [W3C_CREDENTIALS_V1_URL, NUTS_CREDENTIALS_V1_URL, ED25519_2020_V1_URL, NUTSHELL_MEANS_V1_URL];

/** The base type every credential carries and that needs no trust. */
export const BASE_CREDENTIAL_TYPE = 'VerifiableCredential';
