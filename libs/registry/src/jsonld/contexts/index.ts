import meansV1 from './nutshell-means-v1.json' with { type: 'json' };
import nutsV1 from './nuts-credentials-v1.json' with { type: 'json' };

/**
 * Our own context for the Nuts credential types nutshell uses. Every term expands to the same IRI as in Nuts'
 * context at this URL (checked term by term), so credentials and self-signed presentations canonicalise, and
 * therefore sign, the same; terms Nuts defines that nutshell does not use are left out and fail safe mode.
 */
export const NUTS_CREDENTIALS_V1_URL = 'https://nuts.nl/credentials/v1';

/** nutshell's context for the presentation types of the signing means and the terms their proofs carry. */
export const NUTSHELL_MEANS_V1_URL = 'https://nutshell.dev/ns/means/v1';

/** VC data model 1.1 context, the one Nuts documents carry. */
export const W3C_CREDENTIALS_V1_URL = 'https://www.w3.org/2018/credentials/v1';
/** Context of Ed25519Signature2020 proofs and Ed25519VerificationKey2020 keys. */
export const ED25519_2020_V1_URL = 'https://w3id.org/security/suites/ed25519-2020/v1';
/** DID Core v1 context; first in our DID documents so proof purposes need no framing. */
export const DID_V1_URL = 'https://www.w3.org/ns/did/v1';

/** The context documents nutshell ships itself, by URL. */
export const ownContexts: ReadonlyMap<string, object> = new Map<string, object>([
  [NUTS_CREDENTIALS_V1_URL, nutsV1],
  [NUTSHELL_MEANS_V1_URL, meansV1],
]);
