import { createPrivateKey, generateKeyPairSync, sign as edSign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import { NutshellError } from '#errors';
import type { KeyRepository } from './key-repository.js';
import type { KeyStore, KeyType } from './key-store.js';
import { sealPrivateKey, unsealPrivateKey, type UnsealFailure } from './seal.js';

/** Options of `FileKeyStore.open`. */
export interface KeyStoreOptions {
  readonly repository: KeyRepository;
  /** Encrypts private keys at rest when set. */
  readonly passphrase: string | undefined;
  /** Receives the one-time warning that keys are stored unencrypted. */
  readonly warn?: (message: string) => void;
}

/** A `KeyStore` over a `KeyRepository`; unsealed private keys are cached in memory as `KeyObject`s only. */
export class FileKeyStore implements KeyStore {
  private readonly unsealed = new Map<string, KeyObject>();
  // Keys are only ever added (the repository has no delete), so a kid seen once stays valid: no file read per check.
  private readonly known = new Set<string>();

  private constructor(
    private readonly repository: KeyRepository,
    private readonly passphrase: string | undefined,
  ) {}

  /** Opens the store and proves the passphrase against a stored key, so a wrong one fails at start, not at first use. */
  static async open(options: KeyStoreOptions): Promise<FileKeyStore> {
    const store = new FileKeyStore(options.repository, options.passphrase);
    if (options.passphrase === undefined) {
      options.warn?.('keystore.passphrase is not set: private keys are stored unencrypted (PKCS#8) in the data directory');
    }
    let proved = false;
    let plain = 0;
    for (const kid of await options.repository.list()) {
      const stored = await options.repository.get(kid);
      if (stored?.privateKey.format === 'pkcs8') plain++;
      else if (stored && !proved) {
        await store.privateKey(kid);
        proved = true;
      }
    }
    if (options.passphrase !== undefined && plain > 0) {
      options.warn?.(`${plain} private key(s) were stored before keystore.passphrase was set and remain unencrypted`);
    }
    return store;
  }

  async create(kid: string, type: KeyType): Promise<JsonWebKey> {
    if (type !== 'Ed25519') throw new NutshellError('INVALID_INPUT', `unsupported key type '${String(type)}'`);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    const publicJwk = publicKey.export({ format: 'jwk' });
    await this.repository.insert({
      version: 1,
      kid,
      type,
      created: new Date().toISOString(),
      publicJwk,
      privateKey: await sealPrivateKey(pkcs8, kid, this.passphrase),
    });
    this.unsealed.set(kid, privateKey);
    return { ...publicJwk };
  }

  async publicJwk(kid: string): Promise<JsonWebKey | undefined> {
    const stored = await this.repository.get(kid);
    return stored ? { ...stored.publicJwk } : undefined;
  }

  async has(kid: string): Promise<boolean> {
    if (this.known.has(kid) || this.unsealed.has(kid)) return true;
    const exists = (await this.repository.get(kid)) !== undefined;
    if (exists) this.known.add(kid);
    return exists;
  }

  async sign(kid: string, data: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(edSign(null, data, await this.privateKey(kid)));
  }

  async signJws(kid: string, payload: Uint8Array | object, header: object = {}): Promise<string> {
    const bytes = payload instanceof Uint8Array ? payload : new TextEncoder().encode(JSON.stringify(payload));
    return new CompactSign(bytes).setProtectedHeader({ kid, ...header, alg: 'EdDSA' }).sign(await this.privateKey(kid));
  }

  private async privateKey(kid: string): Promise<KeyObject> {
    const cached = this.unsealed.get(kid);
    if (cached) return cached;
    const stored = await this.repository.get(kid);
    if (!stored) throw new NutshellError('KEY_NOT_FOUND', 'no private key with this id in the key store');
    const opened = await unsealPrivateKey(stored.privateKey, kid, this.passphrase);
    if (!opened.ok) throw new NutshellError('CONFIG_INVALID', failureText(opened.reason));
    const key = createPrivateKey({ key: opened.pkcs8, format: 'der', type: 'pkcs8' });
    this.unsealed.set(kid, key);
    return key;
  }
}

function failureText(reason: UnsealFailure): string {
  return reason === 'passphrase-missing'
    ? 'the key store holds encrypted keys but keystore.passphrase is not set'
    : 'keystore.passphrase does not decrypt the stored private keys (wrong passphrase or damaged key file)';
}
