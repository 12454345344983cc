// The @digitalbazaar packages ship no types; these cover only what nutshell calls.

declare module '@digitalbazaar/vc' {
  export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  export interface VerifyResult {
    verified: boolean;
    error?: { message?: string; errors?: Array<{ message?: string }> } & Error;
    results?: Array<{ verified: boolean; error?: Error }>;
    presentationResult?: VerifyResult;
    credentialResults?: VerifyResult[];
  }
  export function issue(options: { credential: object; suite: unknown; documentLoader: DocumentLoader; now?: Date | string; purpose?: unknown }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: DocumentLoader;
    now?: Date | string;
    maxClockSkew?: number;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean }>;
  }): Promise<VerifyResult>;
  export function createPresentation(options: { verifiableCredential?: object | object[]; id?: string; holder?: string; version?: 1.0 | 2.0; now?: Date | string }): Record<string, unknown>;
  export function signPresentation(options: { presentation: object; suite: unknown; challenge: string; domain?: string; documentLoader: DocumentLoader }): Promise<Record<string, unknown>>;
  export function verify(options: {
    presentation: object;
    suite: unknown;
    challenge: string;
    domain?: string;
    documentLoader: DocumentLoader;
    now?: Date | string;
    maxClockSkew?: number;
    unsignedPresentation?: boolean;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean }>;
  }): Promise<VerifyResult>;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export interface Signer {
    id: string;
    algorithm: 'Ed25519';
    sign(input: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export class Ed25519Signature2020 {
    constructor(options?: { signer?: Signer; date?: Date | string });
    verificationMethod?: string;
    static CONTEXT_URL: string;
  }
}

declare module '@digitalbazaar/ed25519-verification-key-2020' {
  export class Ed25519VerificationKey2020 {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    static fromJsonWebKey(options: { id?: string; type: 'JsonWebKey' | 'JsonWebKey2020'; controller?: string; publicKeyJwk: object }): Promise<Ed25519VerificationKey2020>;
    static from(options: { id?: string; controller?: string; publicKeyMultibase: string; type?: string }): Promise<Ed25519VerificationKey2020>;
    export(options: { publicKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
  }
}

declare module '@digitalbazaar/security-document-loader' {
  export interface JsonLdDocumentLoaderBuilder {
    addStatic(url: string, document: object): void;
    build(): (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  }
  export function securityLoader(options?: { cache?: unknown }): JsonLdDocumentLoaderBuilder;
}
