import { NutshellError } from '#errors';

/** Local ids of our DIDs: unreserved URL characters only, so they never need percent-encoding. */
const LOCAL_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The did:web prefix for a public base URL (did:web spec §3.2): host lower-cased, the port colon encoded as
 * `%3A`, each path segment one colon-separated part. `https://node.example:8443/nuts` → `did:web:node.example%3A8443:nuts`.
 */
export function didWebBase(publicUrl: string): string {
  const url = new URL(publicUrl);
  const host = url.hostname.toLowerCase() + (url.port ? `%3A${url.port}` : '');
  const segments = url.pathname.split('/').filter((s) => s !== '').map((s) => encodeURIComponent(decodeURIComponent(s)));
  return ['did:web', host, ...segments].join(':');
}

/** Whether `id` may be used as the last part of one of our DIDs. */
export function isLocalId(id: string): boolean {
  return LOCAL_ID.test(id) && id !== '.' && id !== '..';
}

/** The DID of local id `id` under `publicUrl`: `did:web:<host%3Aport>[:path]:iam:<id>`. */
export function didWebFor(publicUrl: string, id: string): string {
  if (!isLocalId(id)) throw new NutshellError('INVALID_INPUT', 'id: only letters, digits, ".", "_" and "-" (1 to 128 characters) are allowed');
  return `${didWebBase(publicUrl)}:iam:${id}`;
}

/** The local id of `did` when it is one of ours under `publicUrl`, else undefined. */
export function localIdOf(publicUrl: string, did: string): string | undefined {
  const prefix = `${didWebBase(publicUrl)}:iam:`;
  if (!did.startsWith(prefix)) return undefined;
  const id = did.slice(prefix.length);
  return isLocalId(id) ? id : undefined;
}

/**
 * Where a did:web document is served (did:web spec §3.2 "Read"): `did:web:example.com` →
 * `https://example.com/.well-known/did.json`, `did:web:example.com%3A3000:iam:x` → `https://example.com:3000/iam/x/did.json`.
 */
export function didWebDocumentUrl(did: string): URL {
  const parts = did.split(':');
  if (parts.length < 3 || parts[0] !== 'did' || parts[1] !== 'web' || parts[2] === '') {
    throw new NutshellError('DID_INVALID', 'not a did:web DID');
  }
  const host = decodeURIComponent(parts[2]!);
  const path = parts.slice(3).map((p) => encodeURIComponent(decodeURIComponent(p)));
  const url = new URL(`https://${host}`);
  url.pathname = path.length === 0 ? '/.well-known/did.json' : `/${path.join('/')}/did.json`;
  return url;
}
