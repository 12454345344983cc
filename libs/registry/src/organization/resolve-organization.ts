import { isDeepStrictEqual } from 'node:util';
import { NutshellError } from '#errors';
import { assertDid } from '../did/did-syntax.js';
import type { Vdr } from '../did/vdr.js';
import type { Organization, VerifiableCredential } from '../registry-types.js';
import type { CredentialRepository } from '../vcr/credential-repository.js';
import { validityProblem } from '../vcr/validity.js';
import { verifyCredential, type VerifierDeps } from '../vcr/verifier.js';

const ORGANIZATION_CREDENTIAL = 'NutsOrganizationCredential';

/** What organization resolution needs from the registry. */
export interface OrganizationDeps extends VerifierDeps {
  readonly vdr: Vdr;
  readonly credentials: CredentialRepository;
}

/**
 * Name and city of `legalEntity` for drawing up a contract (nuts-auth-v1 §5), with Nuts' error texts:
 * the DID must be managed here; an inline credential is fully verified (stricter than Nuts, which reads it
 * unverified); otherwise stored NutsOrganizationCredentials of trusted issuers valid at `at` are used.
 */
export async function resolveOrganization(
  legalEntity: string,
  options: { at: Date; credential?: unknown },
  deps: OrganizationDeps,
): Promise<Organization> {
  assertDid(legalEntity, 'legalEntity');
  // Nuts looks for the first assertion key at `at`; an unknown or deactivated DID has none.
  if (!(await deps.vdr.find(legalEntity))?.assertionMethod.length) {
    throw new NutshellError('ORGANIZATION_NOT_FOUND', 'no valid organization credential at provided validFrom date');
  }
  if (!(await deps.vdr.isManagedHere(legalEntity))) {
    throw new NutshellError('ORGANIZATION_NOT_MANAGED', 'organization is not managed by this node: missing organization private key');
  }
  if (options.credential !== undefined) return fromGivenCredential(legalEntity, options.credential, options.at, deps);

  const hits: VerifiableCredential[] = [];
  const trusted = await deps.trust.trusted(ORGANIZATION_CREDENTIAL);
  for (const vc of await deps.credentials.find({ type: ORGANIZATION_CREDENTIAL, subject: legalEntity })) {
    // Signatures were checked when the credential entered the store; trust and validity can change, so check them now.
    if (organizationOf(vc) && trusted.includes(vc.issuer) && vc.type.length <= 2 && !validityProblem(vc, options.at, deps.clockSkewSeconds)) {
      hits.push(vc);
    }
  }
  if (hits.length === 0) {
    throw new NutshellError('ORGANIZATION_NOT_FOUND', 'could not find a NutsOrganizationCredential for this legalEntity issued by a trusted issuer');
  }
  const [first, ...others] = hits as [VerifiableCredential, ...VerifiableCredential[]];
  if (others.some((vc) => !isDeepStrictEqual(vc.credentialSubject, first.credentialSubject))) {
    throw new NutshellError('ORGANIZATION_AMBIGUOUS', 'found multiple non-matching VCs, which is not supported');
  }
  return organizationOf(first)!;
}

async function fromGivenCredential(legalEntity: string, credential: unknown, at: Date, deps: OrganizationDeps): Promise<Organization> {
  const vc = credential as VerifiableCredential;
  if (credential === null || typeof credential !== 'object' || !Array.isArray(vc.type) || !vc.type.includes(ORGANIZATION_CREDENTIAL)) {
    throw new NutshellError('CREDENTIAL_INVALID', 'organizationCredential: must be a NutsOrganizationCredential');
  }
  if (vc.credentialSubject?.id !== legalEntity) {
    throw new NutshellError('CREDENTIAL_INVALID', 'organizationCredential: credentialSubject.id is not the legalEntity');
  }
  const result = await verifyCredential(credential, { at }, deps);
  if (!result.validity) {
    const untrusted = result.message.startsWith('issuer is not trusted');
    throw new NutshellError(untrusted ? 'ISSUER_NOT_TRUSTED' : 'CREDENTIAL_INVALID', `organizationCredential: ${result.message}`);
  }
  const organization = organizationOf(vc);
  if (!organization) throw new NutshellError('CREDENTIAL_INVALID', 'verifiable credential does not contain an organization name and city');
  return organization;
}

/** `credentialSubject.organization.{name, city}` when both are non-empty strings. */
export function organizationOf(vc: VerifiableCredential): Organization | undefined {
  const organization = vc.credentialSubject['organization'];
  if (organization === null || typeof organization !== 'object') return undefined;
  const { name, city } = organization as Record<string, unknown>;
  return typeof name === 'string' && name !== '' && typeof city === 'string' && city !== '' ? { name, city } : undefined;
}
