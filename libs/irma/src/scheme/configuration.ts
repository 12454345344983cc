import { checkPrimeSync } from 'node:crypto';
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isNutshellError, NutshellError } from '#errors';
import { parsePrivateKeyXml, type IssuerPrivateKey } from '../idemix/private-key.js';
import { parsePublicKeyXml, type IssuerPublicKey } from '../idemix/public-key.js';
import { startPeriodic } from './auto-update.js';
import { DEFAULT_SCHEMES, type SchemePointer } from './default-schemes.js';
import { downloadScheme as downloadSchemeInto } from './download.js';
import { readPrivateKeyFolder } from './private-key-folder.js';
import { readSchemeDirectory, type LoadedScheme } from './read-scheme.js';
import { parseSchemeTimestamp } from './timestamp.js';
import { copyTree, isTempSchemeDir, listSubfolders, removeTempSchemeDirs } from './tree.js';
import type {
  AttributeType, CredentialType, DisabledScheme, IrmaConfigurationOptions, Issuer, SchemeLogger, SchemeManager,
  SchemeUpdateResult,
} from './types.js';
import { updateScheme } from './update.js';

const DEFAULT_HTTP_TIMEOUT_MS = 10_000;

const silentLogger: SchemeLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Lookup tables derived from the loaded schemes; rebuilt as a whole whenever a scheme changes. */
interface Lookups {
  issuers: Map<string, Issuer>;
  credentialTypes: Map<string, CredentialType>;
  attributeTypes: Map<string, AttributeType>;
  byHash: Map<string, CredentialType>;
  /** Full issuer id → the scheme that holds it. */
  issuerScheme: Map<string, LoadedScheme>;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function schemeIdOf(issuerId: string): string {
  const dot = issuerId.indexOf('.');
  return dot < 0 ? issuerId : issuerId.slice(0, dot);
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function readTimestampFile(path: string): Promise<number | undefined> {
  try {
    return parseSchemeTimestamp(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function sortedCounters(keys: ReadonlyMap<number, unknown> | undefined): number[] {
  return [...(keys?.keys() ?? [])].sort((a, b) => a - b);
}

/** Re-labels a key parse error with the key's location, keeping the code. */
function inFile<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isNutshellError(error)) throw new NutshellError(error.code, `${file}: ${error.detail}`, { cause: error });
    throw error;
  }
}

/**
 * The IRMA configuration (irmago `irma.Configuration`): every issuer scheme of a `schemes_path`, verified against
 * its signed index, with lookups for schemes, issuers, credential types, attribute types and issuer keys, and
 * download, update and periodic update of the schemes. Pure library code; no Nest.
 */
export class IrmaConfiguration {
  private readonly schemesById = new Map<string, LoadedScheme>();
  private lookups: Lookups = { issuers: new Map(), credentialTypes: new Map(), attributeTypes: new Map(), byHash: new Map(), issuerScheme: new Map() };
  /** Issuer → counter → private key XML from the `privkeys` folder. */
  private readonly folderPrivateKeys = new Map<string, Map<number, string>>();
  private readonly publicKeyCache = new Map<string, IssuerPublicKey>();
  private readonly privateKeyCache = new Map<string, IssuerPrivateKey>();
  private readonly disabled = new Map<string, DisabledScheme>();
  private readonly warningList: string[] = [];
  private readonly listeners = new Set<(configuration: IrmaConfiguration) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    /** Absolute `schemes_path`. */
    readonly schemesPath: string,
    private readonly options: IrmaConfigurationOptions,
    private readonly logger: SchemeLogger,
  ) {}

  /**
   * Loads `schemesPath` (created when absent): copies newer or missing schemes from `assetsPath` first, removes
   * leftover `.tempscheme*`/`.oldscheme*` folders, then reads and verifies every scheme folder. A scheme that fails
   * verification aborts with its NutshellError (`strict`, default) or is skipped and listed in `disabledSchemes()`.
   */
  static async load(options: IrmaConfigurationOptions): Promise<IrmaConfiguration> {
    const schemesPath = resolve(options.schemesPath);
    const configuration = new IrmaConfiguration(schemesPath, options, options.logger ?? silentLogger);
    if (options.readOnly === true) {
      if (!(await pathExists(schemesPath))) throw new NutshellError('CONFIG_INVALID', `schemes folder ${schemesPath} does not exist`);
    } else {
      await mkdir(schemesPath, { recursive: true });
      if (options.assetsPath !== undefined) await configuration.copyFromAssets(resolve(options.assetsPath));
      for (const name of await removeTempSchemeDirs(schemesPath)) configuration.logger.info(`removed leftover temporary scheme folder ${name}`);
    }

    for (const name of await listSubfolders(schemesPath)) {
      if (name.startsWith('.') || isTempSchemeDir(name)) continue;
      const dir = join(schemesPath, name);
      if (!(await pathExists(join(dir, 'description.xml')))) {
        configuration.warn(`folder ${name} does not contain a scheme (no description.xml); skipped`);
        continue;
      }
      try {
        const scheme = await readSchemeDirectory(dir, { requireSigned: options.requireSigned ?? true });
        configuration.validateSchemeKeys(scheme);
        configuration.schemesById.set(scheme.manager.id, scheme);
        for (const w of scheme.warnings) configuration.warn(`scheme ${name}: ${w}`);
      } catch (error) {
        if (!isNutshellError(error) || (error.code !== 'SCHEME_INVALID' && error.code !== 'SCHEME_SIGNATURE_INVALID')) throw error;
        if (options.strict ?? true) throw error;
        configuration.disabled.set(name, { id: name, code: error.code, detail: error.detail });
        configuration.logger.error(`scheme ${name} disabled: ${error.detail}`);
      }
    }
    configuration.rebuildLookups();
    if (options.privateKeysPath !== undefined) await configuration.loadPrivateKeyFolder(resolve(options.privateKeysPath));
    return configuration;
  }

  /** A loaded scheme by id (`irma-demo`). */
  scheme(id: string): SchemeManager | undefined {
    return this.schemesById.get(id)?.manager;
  }

  /** All loaded schemes, by id. */
  schemes(): SchemeManager[] {
    return [...this.schemesById.values()].map((s) => s.manager).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Schemes found on disk but refused (only with `strict: false`). */
  disabledSchemes(): DisabledScheme[] {
    return [...this.disabled.values()];
  }

  /** Non-fatal findings of loading (unlisted files, missing logos, …), as irmago's `Warnings`. */
  warnings(): readonly string[] {
    return this.warningList;
  }

  /** An issuer by full id (`irma-demo.RU`). */
  issuer(id: string): Issuer | undefined {
    return this.lookups.issuers.get(id);
  }

  /** All issuers of all loaded schemes. */
  issuers(): Issuer[] {
    return [...this.lookups.issuers.values()];
  }

  /** A credential type by full id (`irma-demo.RU.studentCard`). */
  credentialType(id: string): CredentialType | undefined {
    return this.lookups.credentialTypes.get(id);
  }

  /** All credential types of all loaded schemes. */
  credentialTypes(): CredentialType[] {
    return [...this.lookups.credentialTypes.values()];
  }

  /** The credential type whose id hashes (SHA-256, first 16 bytes) to the metadata attribute's type hash. */
  credentialTypeByHash(hash16: Uint8Array): CredentialType | undefined {
    if (hash16.length !== 16) return undefined;
    return this.lookups.byHash.get(hex(hash16));
  }

  /** An attribute type by full id (`irma-demo.RU.studentCard.studentID`); the id-less revocation attribute is not listed. */
  attributeType(fullId: string): AttributeType | undefined {
    return this.lookups.attributeTypes.get(fullId);
  }

  /** The verified public key XML of an issuer (`irma-demo.RU`) with a counter. */
  publicKeyXml(issuerId: string, counter: number): string | undefined {
    return this.lookups.issuerScheme.get(issuerId)?.publicKeys.get(issuerId)?.get(counter);
  }

  /** Counters of an issuer's public keys, ascending. */
  publicKeyCounters(issuerId: string): number[] {
    return sortedCounters(this.lookups.issuerScheme.get(issuerId)?.publicKeys.get(issuerId));
  }

  /** Highest public key counter of an issuer. */
  latestPublicKeyCounter(issuerId: string): number | undefined {
    return this.publicKeyCounters(issuerId).at(-1);
  }

  /** Parsed public key (cached). Malformed XML throws SCHEME_INVALID naming the file. */
  publicKey(issuerId: string, counter: number): IssuerPublicKey | undefined {
    const key = `${issuerId}-${counter}`;
    const cached = this.publicKeyCache.get(key);
    if (cached !== undefined) return cached;
    const xml = this.publicKeyXml(issuerId, counter);
    if (xml === undefined) return undefined;
    const parsed = inFile(this.publicKeyPath(issuerId, counter), () => parsePublicKeyXml(xml));
    this.publicKeyCache.set(key, parsed);
    return parsed;
  }

  /** The issuer's public key with the highest counter. */
  latestPublicKey(issuerId: string): IssuerPublicKey | undefined {
    const counter = this.latestPublicKeyCounter(issuerId);
    return counter === undefined ? undefined : this.publicKey(issuerId, counter);
  }

  /**
   * Private key XML of an issuer: from the scheme's `<issuer>/PrivateKeys/<counter>.xml` or, failing that, from the
   * `privkeys` folder (`<scheme>.<issuer>.xml` / `<scheme>.<issuer>.<counter>.xml`).
   */
  privateKeyXml(issuerId: string, counter: number): string | undefined {
    return this.lookups.issuerScheme.get(issuerId)?.privateKeys.get(issuerId)?.get(counter)
      ?? this.folderPrivateKeys.get(issuerId)?.get(counter);
  }

  /** Counters for which a private key of the issuer is available, ascending (both sources merged). */
  privateKeyCounters(issuerId: string): number[] {
    return sortedCounters(new Map([
      ...(this.lookups.issuerScheme.get(issuerId)?.privateKeys.get(issuerId) ?? []),
      ...(this.folderPrivateKeys.get(issuerId) ?? []),
    ]));
  }

  /** Highest private key counter of an issuer: the key the server issues with. */
  latestPrivateKeyCounter(issuerId: string): number | undefined {
    return this.privateKeyCounters(issuerId).at(-1);
  }

  /** Parsed private key (cached). */
  privateKey(issuerId: string, counter: number): IssuerPrivateKey | undefined {
    const key = `${issuerId}-${counter}`;
    const cached = this.privateKeyCache.get(key);
    if (cached !== undefined) return cached;
    const xml = this.privateKeyXml(issuerId, counter);
    if (xml === undefined) return undefined;
    const parsed = inFile(`private key ${issuerId}-${counter}`, () => parsePrivateKeyXml(xml));
    this.privateKeyCache.set(key, parsed);
    return parsed;
  }

  /** The issuer's private key with the highest counter. */
  latestPrivateKey(issuerId: string): IssuerPrivateKey | undefined {
    const counter = this.latestPrivateKeyCounter(issuerId);
    return counter === undefined ? undefined : this.privateKey(issuerId, counter);
  }

  /**
   * irmago `ValidateKeys`, run by the server at startup: the latest public key of every issuer must have enough bases
   * for each of its credential types (attributes + 2), else SCHEME_INVALID. Returns warnings for issuers (not
   * deprecated) whose latest key has expired or expires within a month.
   */
  validateKeys(now: Date = new Date()): string[] {
    const warnings: string[] = [];
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const month = 31 * 24 * 3600;
    for (const issuer of this.lookups.issuers.values()) {
      const latest = this.latestPublicKey(issuer.id);
      if (latest === undefined) continue;
      const deprecated = issuer.deprecatedSince !== undefined && issuer.deprecatedSince <= nowSeconds;
      if (!deprecated && latest.expiryDate < nowSeconds) warnings.push(`issuer ${issuer.id} has no unexpired public keys`);
      else if (!deprecated && latest.expiryDate < nowSeconds + month) warnings.push(`latest public key of issuer ${issuer.id} expires soon`);
      for (const type of this.lookups.credentialTypes.values()) {
        if (`${type.schemeId}.${type.issuerId}` !== issuer.id) continue;
        if (type.attributes.length + 2 > latest.R.length) {
          throw new NutshellError('SCHEME_INVALID', `latest public key ${issuer.id}-${latest.counter} has ${latest.R.length} bases; credential type ${type.id} needs ${type.attributes.length + 2}`);
        }
      }
    }
    return warnings;
  }

  /** The keyshare server's JWT public key (`<scheme>/kss-<kid>.pem`, RSA PKIX PEM); a missing JWT `kid` means 0. */
  keysharePublicKeyPem(schemeId: string, kid = 0): string | undefined {
    return this.schemesById.get(schemeId)?.keysharePublicKeys.get(kid);
  }

  /** Calls `listener` after every change of the loaded schemes (download, update). Returns an unsubscribe function. */
  onChange(listener: (configuration: IrmaConfiguration) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Installs a scheme from its URL (e.g. `https://schemes.yivi.app/irma-demo`) into `schemesPath`. With
   * `publicKeyPem` the scheme key is pinned; without it `<url>/pk.pem` is trusted on first use.
   */
  downloadScheme(url: string, options: { publicKeyPem?: string } = {}): Promise<SchemeManager> {
    return this.serialized(async () => {
      this.assertWritable('download a scheme');
      const scheme = await downloadSchemeInto(url, {
        schemesPath: this.schemesPath,
        ...(options.publicKeyPem !== undefined ? { publicKeyPem: options.publicKeyPem } : {}),
        timeoutMs: this.timeoutMs,
        logger: this.logger,
        installed: new Set(this.schemesById.keys()),
      });
      this.validateSchemeKeys(scheme);
      this.replaceScheme(scheme);
      return scheme.manager;
    });
  }

  /**
   * irmago `DownloadDefaultSchemes`: installs irma-demo and pbdf from schemes.yivi.app with their pinned keys, for
   * an empty `schemes_path`. Schemes already loaded are left alone. Returns the ids installed.
   */
  async downloadDefaultSchemes(schemes: readonly SchemePointer[] = DEFAULT_SCHEMES): Promise<string[]> {
    const installed: string[] = [];
    for (const pointer of schemes) {
      const id = pointer.url.replace(/\/+$/, '').split('/').at(-1)!;
      if (this.schemesById.has(id)) continue;
      installed.push((await this.downloadScheme(pointer.url, { publicKeyPem: pointer.publicKeyPem })).id);
    }
    return installed;
  }

  /**
   * Checks every loaded scheme for a newer remote version and installs it (irmago UpdateSchemes). Never throws for
   * one scheme's failure: that scheme keeps its old version and the failure is reported in the result.
   */
  updateSchemes(): Promise<SchemeUpdateResult[]> {
    return this.serialized(async () => {
      this.assertWritable('update schemes');
      const results: SchemeUpdateResult[] = [];
      for (const id of [...this.schemesById.keys()].sort()) results.push(await this.updateOne(id));
      return results;
    });
  }

  /** Updates one scheme by id; unknown ids are SCHEME_UNKNOWN. */
  updateScheme(id: string): Promise<SchemeUpdateResult> {
    if (!this.schemesById.has(id)) return Promise.reject(new NutshellError('SCHEME_UNKNOWN', `scheme ${id} is not loaded`));
    return this.serialized(async () => {
      this.assertWritable('update schemes');
      return this.updateOne(id);
    });
  }

  /**
   * Runs `updateSchemes()` every `minutes` (first run shortly after the call, as irmago), logging failures and never
   * throwing. `minutes` 0 (or less) disables it. Returns the function that stops it.
   */
  startAutoUpdate(minutes: number): () => void {
    if (!(minutes > 0)) return () => undefined;
    if (this.options.readOnly === true) {
      this.logger.warn('scheme auto-update not started: the scheme configuration is read-only');
      return () => undefined;
    }
    this.logger.info(`updating schemes every ${minutes} minutes`);
    return startPeriodic(minutes * 60_000, async () => {
      for (const result of await this.updateSchemes()) {
        if (result.status === 'failed') this.logger.error(`scheme auto-update of ${result.schemeId} failed: ${result.detail}`);
      }
    }, this.logger);
  }

  private get timeoutMs(): number {
    return this.options.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  }

  private assertWritable(action: string): void {
    if (this.options.readOnly === true) throw new NutshellError('FORBIDDEN', `cannot ${action}: the scheme configuration is read-only`);
  }

  private async updateOne(id: string): Promise<SchemeUpdateResult> {
    const current = this.schemesById.get(id);
    if (current === undefined) return { schemeId: id, status: 'failed', code: 'SCHEME_UNKNOWN', detail: `scheme ${id} is not loaded` };
    try {
      const outcome = await updateScheme(current, { schemesPath: this.schemesPath, timeoutMs: this.timeoutMs, logger: this.logger });
      if (outcome.kind === 'up-to-date') return { schemeId: id, status: 'up-to-date', timestamp: current.manager.timestamp };
      this.validateSchemeKeys(outcome.scheme);
      this.replaceScheme(outcome.scheme);
      return { schemeId: id, status: 'updated', from: current.manager.timestamp, to: outcome.scheme.manager.timestamp, changedFiles: outcome.changedFiles };
    } catch (error) {
      const code = isNutshellError(error) ? error.code : 'INTERNAL';
      const detail = isNutshellError(error) ? error.detail : 'unexpected error while updating';
      this.logger.error(`updating scheme ${id} failed: ${detail}`);
      return { schemeId: id, status: 'failed', code, detail };
    }
  }

  /** Runs scheme-changing work one at a time, so an auto-update never races a manual download. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private replaceScheme(scheme: LoadedScheme): void {
    const id = scheme.manager.id;
    this.schemesById.set(id, scheme);
    this.disabled.delete(id);
    for (const key of [...this.publicKeyCache.keys(), ...this.privateKeyCache.keys()]) {
      if (schemeIdOf(key) === id) {
        this.publicKeyCache.delete(key);
        this.privateKeyCache.delete(key);
      }
    }
    this.rebuildLookups();
    for (const listener of this.listeners) {
      try {
        listener(this);
      } catch (error) {
        this.logger.error(`scheme change listener failed: ${(error as Error).message}`);
      }
    }
  }

  private rebuildLookups(): void {
    const next: Lookups = { issuers: new Map(), credentialTypes: new Map(), attributeTypes: new Map(), byHash: new Map(), issuerScheme: new Map() };
    for (const scheme of this.schemesById.values()) {
      for (const [id, issuer] of scheme.issuers) {
        next.issuers.set(id, issuer);
        next.issuerScheme.set(id, scheme);
      }
      for (const [id, type] of scheme.credentialTypes) {
        next.credentialTypes.set(id, type);
        next.byHash.set(hex(type.hash16), type);
        for (const attr of type.attributes) if (attr.revocation !== true) next.attributeTypes.set(attr.id, attr);
      }
    }
    this.lookups = next;
  }

  private warn(message: string): void {
    this.warningList.push(message);
    this.logger.warn(message);
  }

  private publicKeyPath(issuerId: string, counter: number): string {
    const scheme = schemeIdOf(issuerId);
    return `${scheme}/${issuerId.slice(scheme.length + 1)}/PublicKeys/${counter}.xml`;
  }

  /** irmago copyFromAssets: an assets scheme replaces the stored one when that is missing or older. */
  private async copyFromAssets(assetsPath: string): Promise<void> {
    if (!(await pathExists(assetsPath))) throw new NutshellError('CONFIG_INVALID', `schemes assets folder ${assetsPath} does not exist`);
    for (const name of await listSubfolders(assetsPath)) {
      if (name.startsWith('.') || isTempSchemeDir(name)) continue;
      const assetTime = await readTimestampFile(join(assetsPath, name, 'timestamp'));
      if (assetTime === undefined) throw new NutshellError('SCHEME_INVALID', `${name}/timestamp: missing in the assets folder`);
      const target = join(this.schemesPath, name);
      const storedTime = await readTimestampFile(join(target, 'timestamp')).catch(() => undefined);
      if (storedTime !== undefined && assetTime <= storedTime) continue;
      await rm(target, { recursive: true, force: true });
      await copyTree(join(assetsPath, name), target);
      this.logger.info(`copied scheme ${name} (timestamp ${assetTime}) from the assets folder`);
    }
  }

  /**
   * irmago's private key checks for the keys a scheme carries itself: a public key with the same counter exists and
   * N = P·Q; for non-demo schemes P and Q are safe primes.
   */
  private validateSchemeKeys(scheme: LoadedScheme): void {
    for (const [issuerId, keys] of scheme.privateKeys) {
      for (const [counter, xml] of keys) this.checkPrivateKey(issuerId, counter, xml, scheme, `${scheme.manager.id}/${issuerId.slice(scheme.manager.id.length + 1)}/PrivateKeys/${counter}.xml`);
    }
  }

  private checkPrivateKey(issuerId: string, counter: number, xml: string, scheme: LoadedScheme, file: string): void {
    const publicXml = scheme.publicKeys.get(issuerId)?.get(counter);
    if (publicXml === undefined) throw new NutshellError('SCHEME_INVALID', `${file}: issuer ${issuerId} has no public key with counter ${counter}`);
    const sk = inFile(file, () => parsePrivateKeyXml(xml));
    const pk = inFile(this.publicKeyPath(issuerId, counter), () => parsePublicKeyXml(publicXml));
    if (sk.n !== pk.n) throw new NutshellError('SCHEME_INVALID', `${file}: private key does not belong to public key ${issuerId}-${counter} (N ≠ P·Q)`);
    if (!scheme.manager.demo) {
      for (const prime of [sk.p, sk.q, sk.pPrime, sk.qPrime]) {
        if (!checkPrimeSync(prime, { checks: 40 })) throw new NutshellError('SCHEME_INVALID', `${file}: P and Q are not safe primes`);
      }
    }
  }

  private async loadPrivateKeyFolder(path: string): Promise<void> {
    const { keys, skipped } = await readPrivateKeyFolder(path);
    for (const file of skipped) this.logger.info(`skipping non-private key file ${file} in the private keys folder`);
    for (const key of keys) {
      const scheme = this.lookups.issuerScheme.get(key.issuerId);
      if (scheme === undefined) throw new NutshellError('SCHEME_INVALID', `${key.file}: private key of unknown issuer ${key.issuerId}`);
      this.checkPrivateKey(key.issuerId, key.counter, key.xml, scheme, key.file);
      let byCounter = this.folderPrivateKeys.get(key.issuerId);
      if (byCounter === undefined) this.folderPrivateKeys.set(key.issuerId, (byCounter = new Map()));
      byCounter.set(key.counter, key.xml);
    }
  }
}
