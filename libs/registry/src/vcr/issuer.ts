import { randomUUID } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { NutshellError } from '#errors';
import { assertDid, isDid } from '../did/did-syntax.js';
import type { Vdr } from '../did/vdr.js';
import { NUTS_CREDENTIALS_V1_URL, W3C_CREDENTIALS_V1_URL } from '../jsonld/contexts/index.js';
import { describeJsonLdError } from '../jsonld/describe-error.js';
import type { DocumentLoader } from '../jsonld/document-loader.js';
import type { KeyStore } from '../keys/key-store.js';
import type { VerifiableCredential } from '../registry-types.js';
import type { CredentialRepository } from './credential-repository.js';
import { BASE_CREDENTIAL_TYPE, isCredentialType, issuableContexts, type CredentialType } from './credential-types.js';
import type { IssueRequest } from './issue-request.js';
import { signingSuite } from './suite.js';

/** What issuing needs from the registry. */
export interface IssuerDeps {
  readonly vdr: Vdr;
  readonly keys: KeyStore;
  readonly credentials: CredentialRepository;
  readonly documentLoader: DocumentLoader;
  readonly now: () => Date;
}

/** Issues, signs (Ed25519Signature2020 with the issuer's assertion key) and stores a credential. */
export async function issueCredential(request: IssueRequest, deps: IssuerDeps): Promise<VerifiableCredential> {
  const issuer = assertDid(request.issuer, 'issuer');
  const document = await deps.vdr.find(issuer);
  const kid = document?.assertionMethod[0];
  if (!kid || !(await deps.keys.has(kid))) throw new NutshellError('INVALID_INPUT', 'issuer: DID is not managed by this node');

  const type = credentialTypeOf(request.type);
  const context = contextsOf(request['@context']);
  const subject = checkSubject(type, request.credentialSubject);
  const now = deps.now();
  const expirationDate = request.expirationDate === undefined ? undefined : checkExpiration(request.expirationDate, now);

  const credential = {
    '@context': context,
    id: `${issuer}#${randomUUID()}`,
    type: [BASE_CREDENTIAL_TYPE, type],
    issuer,
    issuanceDate: seconds(now),
    ...(expirationDate ? { expirationDate } : {}),
    credentialSubject: subject,
  };
  let signed: Record<string, unknown>;
  try {
    signed = await vc.issue({ credential, suite: signingSuite(deps.keys, kid, now), documentLoader: deps.documentLoader, now });
  } catch (cause) {
    // Safe-mode JSON-LD failures (undefined terms in the subject) end up here.
    throw new NutshellError('CREDENTIAL_INVALID', `credential could not be signed: ${describeJsonLdError(cause)}`, { cause });
  }
  const issued = signed as unknown as VerifiableCredential;
  await deps.credentials.insert(issued);
  return issued;
}

function credentialTypeOf(type: string | readonly string[]): CredentialType {
  const types = (typeof type === 'string' ? [type] : [...type]).filter((t) => t !== BASE_CREDENTIAL_TYPE);
  if (types.length !== 1) throw new NutshellError('INVALID_INPUT', 'type: exactly one credential type besides VerifiableCredential is required');
  const [only] = types as [string];
  if (!isCredentialType(only)) throw new NutshellError('INVALID_INPUT', `type: unknown credential type '${only.slice(0, 100)}'`);
  return only;
}

function contextsOf(context: string | readonly string[] | undefined): string[] {
  const given = context === undefined ? [NUTS_CREDENTIALS_V1_URL] : typeof context === 'string' ? [context] : [...context];
  for (const url of given) {
    if (!issuableContexts.includes(url)) throw new NutshellError('INVALID_INPUT', `@context: unknown context '${String(url).slice(0, 200)}'`);
  }
  return [W3C_CREDENTIALS_V1_URL, ...given.filter((u) => u !== W3C_CREDENTIALS_V1_URL)].filter((u, i, all) => all.indexOf(u) === i);
}

function checkSubject(type: CredentialType, subject: IssueRequest['credentialSubject']): VerifiableCredential['credentialSubject'] {
  if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) throw new NutshellError('INVALID_INPUT', 'credentialSubject: must be an object');
  if (typeof subject.id !== 'string' || !isDid(subject.id)) throw new NutshellError('INVALID_INPUT', 'credentialSubject.id: must be a DID');
  if (type === 'NutsOrganizationCredential') {
    const organization = subject['organization'] as Record<string, unknown> | undefined;
    const filled = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
    if (!organization || typeof organization !== 'object' || !filled(organization['name']) || !filled(organization['city'])) {
      throw new NutshellError('INVALID_INPUT', 'credentialSubject.organization: name and city are required');
    }
  }
  return subject as VerifiableCredential['credentialSubject'];
}

function checkExpiration(value: string, now: Date): string {
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(at)) {
    throw new NutshellError('INVALID_INPUT', 'expirationDate: must be an RFC 3339 date-time');
  }
  if (at <= now.getTime()) throw new NutshellError('INVALID_INPUT', 'expirationDate: must be in the future');
  return seconds(new Date(at));
}

/** RFC 3339 in UTC without fractions, as VC 1.1 examples and Nuts write it. */
function seconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
