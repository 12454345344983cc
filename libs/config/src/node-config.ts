import type { SessionStoreConfig } from '#store';

/** Names of the signing means a node can offer. */
export type MeansName = 'dummy' | 'irma' | 'uzi';

/** The validated, fully defaulted configuration of one node. */
export interface NodeConfig {
  readonly port: number;
  readonly host: string;
  /** Base URL browsers, apps and other nodes reach this node on, without trailing slash. */
  readonly publicUrl: string;
  readonly datadir: string;
  /** Production mode: refuses the dummy means and insecure settings. */
  readonly strictMode: boolean;
  readonly sessionStore: SessionStoreConfig;
  readonly means: readonly MeansName[];
  readonly contract: {
    /** Validity of a drawn-up contract when the request gives no duration. */
    readonly defaultValidityMinutes: number;
    /** Tolerance when checking a contract's period and token times. */
    readonly clockSkewSeconds: number;
  };
  readonly keystore: {
    /** Encrypts private keys at rest when set. */
    readonly passphrase: string | undefined;
  };
  readonly irma: {
    /** Path prefix of the IRMA client protocol, e.g. `/irma`. */
    readonly prefix: string;
    readonly schemesPath: string;
    readonly schemesAssetsPath: string | undefined;
    /** Minutes between scheme update checks; 0 disables. */
    readonly schemesUpdateMinutes: number;
    /** Worker threads that verify proofs; 0 verifies in the main thread. */
    readonly workers: number;
    /** Base64 Ed25519 public keys of trusted Atum timestamp servers. */
    readonly trustedTimestampKeys: readonly string[];
  };
  readonly log: {
    readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  };
}
