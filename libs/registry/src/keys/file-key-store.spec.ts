import { createPublicKey, verify as edVerify, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { isNutshellError } from '#errors';
import { FileKeyRepository } from './file-key-repository.js';
import { FileKeyStore } from './file-key-store.js';
import type { StoredKey } from './key-repository.js';
import { unsealPrivateKey } from './seal.js';

const dirs: string[] = [];
function keyDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nutshell-keys-'));
  dirs.push(dir);
  return join(dir, 'keys');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(dir: string, passphrase: string | undefined, warn?: (m: string) => void): Promise<FileKeyStore> {
  const repository = new FileKeyRepository(dir);
  await repository.init();
  return FileKeyStore.open({ repository, passphrase, ...(warn ? { warn } : {}) });
}

function onlyFile(dir: string): string {
  const files = readdirSync(dir);
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
}

async function failure(p: Promise<unknown>): Promise<{ code: string; detail: string }> {
  try {
    await p;
  } catch (e) {
    if (isNutshellError(e)) return { code: e.code, detail: e.detail };
    throw e;
  }
  throw new Error('expected a NutshellError');
}

const PASS = 'correct horse battery staple';
const KID = 'did:web:example.com:iam:a#key-1';

describe('FileKeyStore', () => {
  it('creates Ed25519 keys whose signatures verify with the returned public JWK', async () => {
    const store = await open(keyDir(), PASS);
    const jwk = await store.create(KID, 'Ed25519');
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(jwk).not.toHaveProperty('d');
    expect(await store.has(KID)).toBe(true);
    expect(await store.has('did:web:example.com:iam:a#other')).toBe(false);
    expect(await store.publicJwk(KID)).toEqual(jwk);

    const data = new TextEncoder().encode('sign me');
    const signature = await store.sign(KID, data);
    expect(signature).toHaveLength(64);
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    expect(edVerify(null, data, publicKey, signature)).toBe(true);
    expect(edVerify(null, new TextEncoder().encode('other'), publicKey, signature)).toBe(false);
  });

  it('signs compact JWS with alg EdDSA and the kid in the header', async () => {
    const store = await open(keyDir(), undefined);
    const jwk = await store.create(KID, 'Ed25519');
    const jws = await store.signJws(KID, { sub: 'x' }, { typ: 'JWT', alg: 'none' });
    const { payload, protectedHeader } = await compactVerify(jws, createPublicKey({ key: jwk, format: 'jwk' }));
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: KID, typ: 'JWT' });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ sub: 'x' });
  });

  it('refuses unknown kids and duplicate creation', async () => {
    const store = await open(keyDir(), undefined);
    expect((await failure(store.sign('nope', new Uint8Array(1)))).code).toBe('KEY_NOT_FOUND');
    expect(await store.publicJwk('nope')).toBeUndefined();
    await store.create(KID, 'Ed25519');
    expect((await failure(store.create(KID, 'Ed25519'))).code).toBe('CONFLICT');
  });

  it('lets only one of two racing stores create a kid, and keeps the winner key', async () => {
    const dir = keyDir();
    const [a, b] = [await open(dir, undefined), await open(dir, undefined)];
    const outcomes = await Promise.allSettled([a.create('race', 'Ed25519'), b.create('race', 'Ed25519')]);
    const won = outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<JsonWebKey> | undefined;
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    expect(await (await open(dir, undefined)).publicJwk('race')).toEqual(won?.value);
  });

  it('keeps the passphrase-encrypted private key out of the file in every encoding', async () => {
    const dir = keyDir();
    const store = await open(dir, PASS);
    await store.create(KID, 'Ed25519');
    const text = readFileSync(onlyFile(dir), 'utf8');
    const stored = JSON.parse(text) as StoredKey;
    expect(stored.privateKey.format).toBe('pkcs8-aes-256-gcm');

    const opened = await unsealPrivateKey(stored.privateKey, KID, PASS);
    if (!opened.ok) throw new Error('the right passphrase must open the key');
    const seed = opened.pkcs8.subarray(opened.pkcs8.length - 32);
    for (const secret of [opened.pkcs8, seed]) {
      for (const encoding of ['base64', 'base64url', 'hex'] as const) {
        expect(text).not.toContain(secret.toString(encoding));
      }
    }
  });

  it('stores plain PKCS#8 without a passphrase, and warns once', async () => {
    const dir = keyDir();
    const warnings: string[] = [];
    const store = await open(dir, undefined, (m) => warnings.push(m));
    await store.create(KID, 'Ed25519');
    await store.create(`${KID}-2`, 'Ed25519');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/unencrypted/);
    const stored = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8')) as StoredKey;
    expect(stored.privateKey.format).toBe('pkcs8');
  });

  it('writes key files 0600 in a 0700 directory', async () => {
    const dir = keyDir();
    const store = await open(dir, PASS);
    await store.create(KID, 'Ed25519');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(onlyFile(dir)).mode & 0o777).toBe(0o600);
  });

  it('reopens with the right passphrase and signs with the same key', async () => {
    const dir = keyDir();
    const jwk = await (await open(dir, PASS)).create(KID, 'Ed25519');
    const reopened = await open(dir, PASS);
    const data = new Uint8Array([1, 2, 3]);
    expect(edVerify(null, data, createPublicKey({ key: jwk, format: 'jwk' }), await reopened.sign(KID, data))).toBe(true);
  });

  it('refuses to start with a wrong or missing passphrase, with a clear error', async () => {
    const dir = keyDir();
    await (await open(dir, PASS)).create(KID, 'Ed25519');
    const wrong = await failure(open(dir, 'not the passphrase'));
    expect(wrong.code).toBe('CONFIG_INVALID');
    expect(wrong.detail).toMatch(/passphrase does not decrypt/);
    const missing = await failure(open(dir, undefined));
    expect(missing.code).toBe('CONFIG_INVALID');
    expect(missing.detail).toMatch(/passphrase is not set/);
  });

  it('warns about keys stored in plain before a passphrase was set, and still uses them', async () => {
    const dir = keyDir();
    await (await open(dir, undefined)).create('plain-kid', 'Ed25519');
    const warnings: string[] = [];
    const store = await open(dir, PASS, (m) => warnings.push(m));
    expect(warnings).toEqual(['1 private key(s) were stored before keystore.passphrase was set and remain unencrypted']);
    expect(await store.sign('plain-kid', new Uint8Array([1]))).toHaveLength(64);
    await store.create('sealed-kid', 'Ed25519');
    expect((await failure(open(dir, 'wrong passphrase!'))).code).toBe('CONFIG_INVALID');
  });

  it('binds each sealed key to its kid, so swapped files do not open', async () => {
    const dir = keyDir();
    const store = await open(dir, PASS);
    await store.create('kid-a', 'Ed25519');
    const repository = new FileKeyRepository(dir);
    const a = (await repository.get('kid-a'))!;
    const opened = await unsealPrivateKey(a.privateKey, 'kid-b', PASS);
    expect(opened).toEqual({ ok: false, reason: 'passphrase-wrong' });
  });

  it('reports a damaged key file instead of using it', async () => {
    const dir = keyDir();
    await (await open(dir, undefined)).create('kid-a', 'Ed25519');
    await (await open(dir, undefined)).create('kid-b', 'Ed25519');
    const repository = new FileKeyRepository(dir);
    const fileOf = (kid: string) => join(dir, Buffer.from(kid).toString('base64url') + '.key.json');
    renameSync(fileOf('kid-a'), fileOf('kid-c'));
    expect((await failure(repository.get('kid-c'))).code).toBe('STORE_UNAVAILABLE');
  });
});
