import type { TranslatedString } from '../scheme/index.js';

/** What a session does; also the `irmaqr` of a session pointer. */
export type SessionType = 'disclosing' | 'signing' | 'issuing';

/** One requested attribute (4-part id), or a credential (3-part id) whose metadata attribute is asked for. */
export interface AttributeRequest {
  readonly type: string;
  /** Pins the exact value; null or absent means any value. */
  readonly value?: string | null;
  /** Requires a present (non-null) value even for optional attributes. */
  readonly notNull?: boolean;
}

/** All attributes of one option. */
export type AttributeCon = readonly AttributeRequest[];
/** One of these options suffices; an empty option makes the disjunction optional. */
export type AttributeDisCon = readonly AttributeCon[];
/** Every disjunction must be satisfied. */
export type AttributeConDisCon = readonly AttributeDisCon[];

/** Non-revocation requirements per credential type; `tolerance` in seconds. */
export type RevocationRequest = Readonly<Record<string, { readonly tolerance?: number }>>;

/** Fields every session request carries. */
export interface BaseSessionRequest {
  /** Always 1 for current requests; the server overwrites it. */
  readonly context: bigint;
  /** The challenge; the server overwrites it with 128 random bits at start. */
  readonly nonce: bigint;
  readonly devMode?: boolean;
  readonly clientReturnUrl?: string;
  readonly augmentReturnUrl?: boolean;
  /** Host of the session pointer; the server then enforces it on client calls. */
  readonly host?: string;
  readonly revocation?: RevocationRequest;
}

/** Labels per disjunction index. */
export type DisjunctionLabels = Readonly<Record<number, TranslatedString | null>>;

/** Asks the user to disclose attributes. */
export interface DisclosureRequest extends BaseSessionRequest {
  readonly type: 'disclosing';
  readonly disclose: AttributeConDisCon;
  readonly labels?: DisjunctionLabels;
  /** Credential type ids whose expired instances are still accepted. */
  readonly skipExpiryCheck?: readonly string[];
}

/** Asks the user to sign `message` with attributes. */
export interface SignatureRequest extends BaseSessionRequest {
  readonly type: 'signing';
  readonly message: string;
  readonly disclose: AttributeConDisCon;
  readonly labels?: DisjunctionLabels;
  readonly skipExpiryCheck?: readonly string[];
}

/** One credential to issue. */
export interface CredentialRequest {
  /** Credential type id, exactly 3 parts. */
  readonly credential: string;
  /** Unix seconds. */
  readonly validity?: number;
  readonly attributes: Readonly<Record<string, string>>;
  readonly keyCounter?: number;
  readonly revocationKey?: string;
  readonly sdJwtBatchSize?: number;
}

/** Issues credentials, optionally with a disclosure. Parsed so it can be refused cleanly; not served yet. */
export interface IssuanceRequest extends BaseSessionRequest {
  readonly type: 'issuing';
  readonly credentials: readonly CredentialRequest[];
  readonly disclose: AttributeConDisCon;
  readonly labels?: DisjunctionLabels;
  readonly skipExpiryCheck?: readonly string[];
}

/** Any session request, discriminated by `type`. */
export type SessionRequest = DisclosureRequest | SignatureRequest | IssuanceRequest;

/** A session request plus the parameters only the requestor sees (§4.7). */
export interface ExtendedSessionRequest<R extends SessionRequest = SessionRequest> {
  /** Result-JWT validity in seconds (default 120). */
  readonly validity: number;
  /** Seconds the app has to connect; absent or 0 means the server's session lifetime. */
  readonly timeout?: number;
  readonly callbackUrl?: string;
  readonly nextSession?: { readonly url: string };
  readonly request: R;
  /** True when the requestor sent a pre-condiscon request (§4.6); results are then legacy-shaped. */
  readonly legacy: boolean;
}

/** Answers whether a scheme knows an attribute id (4 parts) or credential type id (3 parts). */
export type AttributeLookup = (attributeId: string) => boolean;

/** What request validation may ask the schemes. */
export interface SchemeLookup {
  /** Whether an attribute id (4 parts) or credential type id (3 parts) exists. */
  readonly isKnown: AttributeLookup;
  /** Whether a credential type is a singleton; enables irmago's one-non-singleton-per-conjunction rule. */
  readonly isSingleton?: (credentialTypeId: string) => boolean;
}

/** A bare attribute lookup or a fuller scheme lookup. */
export type RequestScheme = AttributeLookup | SchemeLookup;
