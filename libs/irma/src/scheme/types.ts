/**
 * The in-memory model of an IRMA `irma_configuration` tree (issuer schemes only).
 * Field names follow irmago's XML descriptions; ids are always the full dotted form
 * unless a field name says otherwise (`issuerId`, `credentialId`, `shortId`).
 */

/** A translated text: language code → text, e.g. `{ en: 'Demo Root', nl: 'Demo Root' }`. */
export type TranslatedString = Record<string, string>;

/** Minimal logger the scheme code reports to; pino and console both fit. */
export interface SchemeLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** An issuer scheme ("scheme manager"), from `<scheme>/description.xml` plus its `timestamp` file. */
export interface SchemeManager {
  /** Scheme id, equal to its folder name, e.g. `irma-demo`. */
  id: string;
  /** Where updates come from; `<url>/index`, `<url>/timestamp`, … */
  url: string;
  /** Demo schemes publish their private keys and may be re-signed by anyone. */
  demo: boolean;
  /** Atum timestamp server used for attribute-based signatures. */
  timestampServer?: string;
  /** Present iff the scheme is distributed (keyshare server co-holds the secret key). */
  keyshareServer?: string;
  keyshareWebsite?: string;
  /** Full attribute id, e.g. `pbdf.sidn-pbdf.irma.pseudonym`. */
  keyshareAttribute?: string;
  name: TranslatedString;
  description?: TranslatedString;
  contact?: string;
  minimumAppVersion?: { android?: number; ios?: number };
  languages?: string[];
  /** XML `version` attribute of `<SchemeManager>` (≥ 7). */
  xmlVersion: number;
  /** Unix seconds from the scheme's `timestamp` file (the moment it was last signed). */
  timestamp: number;
}

/** An issuer, from `<scheme>/<issuer>/description.xml`. */
export interface Issuer {
  /** Full issuer id, e.g. `irma-demo.RU`. */
  id: string;
  schemeId: string;
  /** Issuer id within the scheme, e.g. `RU`. */
  issuerId: string;
  name: TranslatedString;
  contactAddress?: string;
  contactEmail?: string;
  /** Unix seconds; absent when the issuer is not deprecated. */
  deprecatedSince?: number;
  languages?: string[];
  xmlVersion: number;
}

/**
 * An attribute of a credential type. Its position in `CredentialType.attributes` is its
 * cryptographic position: attribute k (0-based) sits at gabi index k + 2
 * (0 = secret key, 1 = metadata attribute).
 */
export interface AttributeType {
  /**
   * Full id incl. credential, e.g. `irma-demo.RU.studentCard.studentID`. The revocation attribute has no id of
   * its own (irmago): its `id` is `<credtype>.` and it is not reachable through `attributeType(fullId)`.
   */
  id: string;
  /** Id within the credential type, e.g. `studentID`; empty string for the revocation attribute. */
  shortId: string;
  /** Full credential type id this attribute belongs to. */
  credentialTypeId: string;
  /** 0-based position in the credential type (gabi index − 2). */
  index: number;
  optional: boolean;
  displayIndex?: number;
  displayHint?: string;
  /** Value is chosen jointly at random by issuer and holder (never disclosed at issuance). */
  randomBlind?: boolean;
  /** The special id-less `<Attribute revocation="true"/>` carrying the non-revocation witness value. */
  revocation?: boolean;
  name: TranslatedString;
  description?: TranslatedString;
}

/** A conjunction of disjunctions of conjunctions of full credential type ids (irmago condiscon). */
export type CredentialDependencies = string[][][];

/** A credential type, from `<scheme>/<issuer>/Issues/<cred>/description.xml`. */
export interface CredentialType {
  /** Full id, e.g. `irma-demo.RU.studentCard`. */
  id: string;
  schemeId: string;
  /** Issuer id within the scheme, e.g. `RU`. */
  issuerId: string;
  /** Credential id within the issuer, e.g. `studentCard`. */
  credentialId: string;
  name: TranslatedString;
  description?: TranslatedString;
  /** `ShouldBeSingleton`: a holder keeps at most one instance. */
  singleton: boolean;
  disallowDelete?: boolean;
  dependencies?: CredentialDependencies;
  /** In gabi index order (see `AttributeType`). Includes the revocation attribute where present. */
  attributes: AttributeType[];
  /** Present iff the credential type supports revocation. */
  revocationServers?: string[];
  /** 0-based position of the revocation attribute in `attributes`, when revocation is supported. */
  revocationIndex?: number;
  revocationUpdateCount?: number;
  revocationUpdateSpeed?: number;
  issueUrl?: TranslatedString;
  /** Unix seconds; absent when not deprecated. */
  deprecatedSince?: number;
  languages?: string[];
  xmlVersion: number;
  /** First 16 bytes of SHA-256(id), as carried in the metadata attribute. */
  hash16: Uint8Array;
}

/** One line of a scheme `index`: path (starting with the scheme id) → SHA-256. */
export interface SchemeIndexEntry {
  /** E.g. `irma-demo/RU/PublicKeys/2.xml` (forward slashes). */
  path: string;
  /** Lower-case hex SHA-256 of the file contents. */
  sha256: string;
}

/** Why a scheme on disk could not be used; the scheme is then skipped (irmago "disabled scheme"). */
export interface DisabledScheme {
  id: string;
  /** Error code, `SCHEME_INVALID` or `SCHEME_SIGNATURE_INVALID`. */
  code: 'SCHEME_INVALID' | 'SCHEME_SIGNATURE_INVALID';
  detail: string;
}

/** Options of `IrmaConfiguration.load`. */
export interface IrmaConfigurationOptions {
  /** The writable `irma_configuration` folder (irma server `schemes_path`). Created when absent. */
  schemesPath: string;
  /** Read-only folder of schemes copied into `schemesPath` when absent or newer (`schemes_assets_path`). */
  assetsPath?: string;
  /** Folder of issuer private keys named `<scheme>.<issuer>.xml` / `<scheme>.<issuer>.<counter>.xml` (`privkeys`). */
  privateKeysPath?: string;
  /** Verify `index`/`index.sig`/hashes (default true). False only for trusted local development trees. */
  requireSigned?: boolean;
  /**
   * When true (default) a scheme that fails verification aborts `load` with its NutshellError;
   * when false it is skipped and listed in `disabledSchemes()` (irmago behaviour).
   */
  strict?: boolean;
  /**
   * Never write to `schemesPath` (irmago ReadOnly): no folder creation, no assets copy, no temp-folder cleanup;
   * download and update are refused. For tools that only read someone else's `irma_configuration`.
   */
  readOnly?: boolean;
  /** Timeout of each HTTP request made by download and update, in ms (default 10 000). */
  httpTimeoutMs?: number;
  logger?: SchemeLogger;
}

/** Outcome of one scheme in `updateSchemes()`. */
export type SchemeUpdateResult =
  | { schemeId: string; status: 'up-to-date'; timestamp: number }
  | { schemeId: string; status: 'updated'; from: number; to: number; changedFiles: string[] }
  | { schemeId: string; status: 'failed'; code: string; detail: string };
