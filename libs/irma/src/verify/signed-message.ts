/**
 * An attribute-based signature as the Yivi app produces it (irmago `SignedMessage`,
 * idemix.md §6.1). Version 2 carries `"@context": "https://irma.app/ld/signature/v2"`;
 * version-1 (pre-2019) signatures have none and a different timestamp nonce.
 */
import { parseBigValue, type Proof } from '../idemix/proof.js';
import { parseAtumTimestamp, type AtumTimestamp } from '../timestamp/atum-timestamp.js';
import type { DisclosedAttributeIndex } from './disclosed-attribute.js';
import { parseIndices, parseProofs } from './disclosure-json.js';
import { asJsonObject, goField } from './go-json.js';

/** JSON-LD context of version-2 signed messages. */
export const SIGNED_MESSAGE_CONTEXT = 'https://irma.app/ld/signature/v2';

/** A parsed SignedMessage. */
export interface SignedMessage {
  readonly version: 1 | 2;
  readonly signature: Proof[];
  readonly indices: DisclosedAttributeIndex[][];
  /** The signature request's nonce (0 when absent). */
  readonly nonce: bigint;
  readonly context: bigint;
  readonly message: string;
  readonly timestamp?: AtumTimestamp;
}

/** Outcome of `parseSignedMessage`; `detail` says which member is wrong, without echoing content. */
export type SignedMessageParse =
  | { readonly ok: true; readonly signedMessage: SignedMessage }
  | { readonly ok: false; readonly detail: string };

function big(value: unknown): bigint | undefined {
  try {
    return parseBigValue(value, 'value');
  } catch {
    return undefined;
  }
}

/** Parses a SignedMessage JSON value; never throws. */
export function parseSignedMessage(json: unknown): SignedMessageParse {
  const object = asJsonObject(json);
  if (object === undefined) return { ok: false, detail: 'signed message must be a JSON object' };
  const ldContext = goField(object, '@context');
  if (ldContext !== undefined && ldContext !== null && ldContext !== '' && ldContext !== SIGNED_MESSAGE_CONTEXT) {
    return { ok: false, detail: 'unknown @context' };
  }
  const signature = parseProofs(goField(object, 'signature') ?? []);
  if (signature === undefined) return { ok: false, detail: 'signature is not a valid proof list' };
  const indices = parseIndices(goField(object, 'indices'));
  if (indices === undefined) return { ok: false, detail: 'indices are malformed' };
  const rawNonce = goField(object, 'nonce');
  const nonce = rawNonce === undefined || rawNonce === null ? 0n : big(rawNonce);
  if (nonce === undefined) return { ok: false, detail: 'nonce is not a big integer' };
  const context = big(goField(object, 'context'));
  if (context === undefined) return { ok: false, detail: 'context is missing or not a big integer' };
  const message = goField(object, 'message') ?? '';
  if (typeof message !== 'string') return { ok: false, detail: 'message must be a string' };
  const rawTimestamp = goField(object, 'timestamp');
  let timestamp: AtumTimestamp | undefined;
  if (rawTimestamp !== undefined && rawTimestamp !== null) {
    timestamp = parseAtumTimestamp(rawTimestamp);
    if (timestamp === undefined) return { ok: false, detail: 'timestamp is malformed' };
  }
  const version = typeof ldContext === 'string' && ldContext !== '' ? 2 : 1;
  return {
    ok: true,
    signedMessage: { version, signature, indices, nonce, context, message, ...(timestamp ? { timestamp } : {}) },
  };
}
