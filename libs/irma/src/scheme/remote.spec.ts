import { generateKeyPairSync } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNutshellError } from '#errors';
import { IrmaConfiguration } from './configuration.js';
import { signSchemeDirectory } from './sign-scheme.js';
import { copySharedSchemes, makeTemp, removeTemp } from './test-support/schemes-dir.js';
import { serveDirectory, type StaticServer } from './test-support/static-server.js';

const CARD = join('RU', 'Issues', 'studentCard', 'description.xml');

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: ${from} not found in ${file}`);
  await writeFile(file, text.replace(from, to));
}

async function rejection(promise: Promise<unknown>): Promise<{ code: string; detail: string }> {
  try {
    await promise;
  } catch (error) {
    if (isNutshellError(error)) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('downloading and updating a scheme from a local HTTP server', () => {
  let temp: string;
  let served: string; // what the "remote" publishes: <served>/irma-demo
  let schemesPath: string;
  let server: StaticServer;
  let sk: Buffer;
  let pk: string;
  let timestamp: number;
  let conf: IrmaConfiguration;

  /** Publishes a new version of the served scheme, signed with the demo scheme key. */
  async function publish(): Promise<void> {
    timestamp += 10;
    await signSchemeDirectory(join(served, 'irma-demo'), sk, { timestamp });
  }

  beforeAll(async () => {
    temp = await makeTemp();
    served = await copySharedSchemes(join(temp, 'served'), ['irma-demo']);
    schemesPath = join(temp, 'irma_configuration');
    server = await serveDirectory(served);
    const remote = join(served, 'irma-demo');
    sk = await readFile(join(remote, 'sk.pem'));
    pk = await readFile(join(remote, 'pk.pem'), 'utf8');
    timestamp = Number((await readFile(join(remote, 'timestamp'), 'utf8')).trim());
    // Point the scheme at the local server so updates never leave 127.0.0.1.
    await edit(join(remote, 'description.xml'), '<Url>https://schemes.yivi.app/irma-demo</Url>', `<Url>${server.baseUrl}/irma-demo</Url>`);
    await publish();
    conf = await IrmaConfiguration.load({ schemesPath, httpTimeoutMs: 5_000 });
  });
  afterAll(async () => {
    await server.close();
    await removeTemp(temp);
  });

  it('refuses a download whose index does not verify against the pinned key, installing nothing', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const error = await rejection(conf.downloadScheme(`${server.baseUrl}/irma-demo`, { publicKeyPem: other }));
    expect(error.code).toBe('SCHEME_SIGNATURE_INVALID');
    expect(conf.scheme('irma-demo')).toBeUndefined();
    expect(await readdir(schemesPath)).toEqual([]);
  });

  it('downloads the scheme with a pinned key, verifies it and installs it, demo private keys included', async () => {
    const manager = await conf.downloadScheme(`${server.baseUrl}/irma-demo`, { publicKeyPem: pk });
    expect(manager.id).toBe('irma-demo');
    expect(manager.timestamp).toBe(timestamp);
    expect(manager.url).toBe(`${server.baseUrl}/irma-demo`);
    expect(conf.credentialType('irma-demo.RU.studentCard')?.name['en']).toBe('Demo Student Card');
    expect(conf.publicKeyCounters('irma-demo.RU')).toEqual([0, 1, 2]);
    expect(conf.privateKeyCounters('irma-demo.RU')).toEqual([0, 1, 2]);
    expect(await readdir(schemesPath)).toEqual(['irma-demo']);
    expect(await readFile(join(schemesPath, 'irma-demo', CARD), 'utf8')).toBe(await readFile(join(served, 'irma-demo', CARD), 'utf8'));
    // A fresh load of what was installed verifies too.
    const reloaded = await IrmaConfiguration.load({ schemesPath });
    expect(reloaded.scheme('irma-demo')?.timestamp).toBe(timestamp);
  });

  it('without a pinned key trusts the remote pk.pem on first use', async () => {
    const tofu = await IrmaConfiguration.load({ schemesPath: join(temp, 'tofu') });
    expect((await tofu.downloadScheme(`${server.baseUrl}/irma-demo/`)).id).toBe('irma-demo');
    expect(await readFile(join(temp, 'tofu', 'irma-demo', 'pk.pem'), 'utf8')).toBe(pk);
  });

  it('downloadDefaultSchemes installs the given pointers once', async () => {
    const fresh = await IrmaConfiguration.load({ schemesPath: join(temp, 'defaults') });
    const pointers = [{ url: `${server.baseUrl}/irma-demo`, publicKeyPem: pk }];
    expect(await fresh.downloadDefaultSchemes(pointers)).toEqual(['irma-demo']);
    expect(await fresh.downloadDefaultSchemes(pointers)).toEqual([]);
  });

  it('refuses to install the same scheme twice', async () => {
    expect((await rejection(conf.downloadScheme(`${server.baseUrl}/irma-demo`, { publicKeyPem: pk }))).code).toBe('CONFLICT');
  });

  it('reports up-to-date when the remote timestamp is not newer', async () => {
    expect(await conf.updateSchemes()).toEqual([{ schemeId: 'irma-demo', status: 'up-to-date', timestamp }]);
  });

  it('updates to a newer signed version, downloading only the changed files', async () => {
    const before = timestamp;
    await edit(join(served, 'irma-demo', CARD), '<en>Demo Student Card</en>', '<en>Demo Student Card v2</en>');
    await publish();
    const changes: number[] = [];
    const unsubscribe = conf.onChange((c) => changes.push(c.scheme('irma-demo')!.timestamp));
    server.requests.length = 0;
    const [result] = await conf.updateSchemes();
    unsubscribe();
    expect(result).toEqual({
      schemeId: 'irma-demo', status: 'updated', from: before, to: timestamp,
      changedFiles: ['irma-demo/RU/Issues/studentCard/description.xml', 'irma-demo/timestamp'],
    });
    expect(changes).toEqual([timestamp]);
    expect(conf.credentialType('irma-demo.RU.studentCard')?.name['en']).toBe('Demo Student Card v2');
    expect(await readFile(join(schemesPath, 'irma-demo', CARD), 'utf8')).toContain('Demo Student Card v2');
    expect(server.requests.filter((p) => p.endsWith('.png'))).toEqual([]);
    expect((await readdir(schemesPath)).sort()).toEqual(['irma-demo']);
  });

  it('keeps the old scheme when the new index signature is bad', async () => {
    const current = timestamp;
    await edit(join(served, 'irma-demo', CARD), 'Demo Student Card v2', 'Demo Student Card v3');
    await publish();
    const sig = join(served, 'irma-demo', 'index.sig');
    const bytes = await readFile(sig);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
    await writeFile(sig, bytes);
    const [result] = await conf.updateSchemes();
    expect(result).toMatchObject({ schemeId: 'irma-demo', status: 'failed', code: 'SCHEME_SIGNATURE_INVALID' });
    expect(conf.scheme('irma-demo')?.timestamp).toBe(current);
    expect(conf.credentialType('irma-demo.RU.studentCard')?.name['en']).toBe('Demo Student Card v2');
    expect(await readFile(join(schemesPath, 'irma-demo', CARD), 'utf8')).toContain('Demo Student Card v2');
    expect((await readdir(schemesPath)).sort()).toEqual(['irma-demo']);
  });

  it('keeps the old scheme when the new version is signed by another key', async () => {
    const current = conf.scheme('irma-demo')!.timestamp;
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' });
    timestamp += 10;
    await signSchemeDirectory(join(served, 'irma-demo'), stranger, { timestamp });
    const [result] = await conf.updateSchemes();
    expect(result).toMatchObject({ status: 'failed', code: 'SCHEME_SIGNATURE_INVALID' });
    expect(conf.scheme('irma-demo')?.timestamp).toBe(current);
    // The local pk.pem stays pinned: a later properly signed version is accepted again.
    await writeFile(join(served, 'irma-demo', 'pk.pem'), pk);
  });

  it('keeps the old scheme when a served file does not match the signed index', async () => {
    const current = conf.scheme('irma-demo')!.timestamp;
    await publish();
    await edit(join(served, 'irma-demo', CARD), 'Demo Student Card v3', 'Demo Student Card v4'); // after signing
    const [result] = await conf.updateSchemes();
    expect(result).toEqual({
      schemeId: 'irma-demo', status: 'failed', code: 'SCHEME_SIGNATURE_INVALID',
      detail: 'irma-demo/RU/Issues/studentCard/description.xml: downloaded file does not match the signed index',
    });
    expect(conf.scheme('irma-demo')?.timestamp).toBe(current);
    expect(conf.credentialType('irma-demo.RU.studentCard')?.name['en']).toBe('Demo Student Card v2');
    expect((await readdir(schemesPath)).sort()).toEqual(['irma-demo']);
  });

  it('the periodic updater picks up a new version and never throws', async () => {
    await publish(); // v4, correctly signed now
    const changed = new Promise<number>((resolve) => conf.onChange((c) => resolve(c.scheme('irma-demo')!.timestamp)));
    const stop = conf.startAutoUpdate(60);
    try {
      expect(await changed).toBe(timestamp);
    } finally {
      stop();
    }
    expect(conf.credentialType('irma-demo.RU.studentCard')?.name['en']).toBe('Demo Student Card v4');
    expect(conf.startAutoUpdate(0)).toBeTypeOf('function');
  });

  it('an update that removes a credential type and adds another drops the old one', async () => {
    const remote = join(served, 'irma-demo');
    await rm(join(remote, 'RU', 'Issues', 'studentCard'), { recursive: true });
    await cp(join(remote, 'MijnOverheid', 'Issues', 'address'), join(remote, 'MijnOverheid', 'Issues', 'address2'), { recursive: true });
    await edit(join(remote, 'MijnOverheid', 'Issues', 'address2', 'description.xml'), '<CredentialID>address</CredentialID>', '<CredentialID>address2</CredentialID>');
    await publish();
    const [result] = await conf.updateSchemes();
    expect(result).toMatchObject({ status: 'updated', to: timestamp });
    expect(result!.status === 'updated' && result!.changedFiles).toEqual(expect.arrayContaining([
      'irma-demo/MijnOverheid/Issues/address2/description.xml',
      'irma-demo/RU/Issues/studentCard/description.xml',
    ]));
    expect(conf.credentialType('irma-demo.RU.studentCard')).toBeUndefined();
    expect(conf.credentialType('irma-demo.MijnOverheid.address2')?.attributes.map((a) => a.shortId))
      .toEqual(conf.credentialType('irma-demo.MijnOverheid.address')?.attributes.map((a) => a.shortId));
    expect((await IrmaConfiguration.load({ schemesPath })).credentialType('irma-demo.RU.studentCard')).toBeUndefined();
  });

  it('reports network failures as SCHEME_DOWNLOAD_FAILED and keeps the scheme', async () => {
    await server.close();
    const [result] = await conf.updateSchemes();
    expect(result).toMatchObject({ schemeId: 'irma-demo', status: 'failed', code: 'SCHEME_DOWNLOAD_FAILED' });
    expect(conf.scheme('irma-demo')?.timestamp).toBe(timestamp);
    expect((await rejection(conf.downloadScheme(`${server.baseUrl}/pbdf`))).code).toBe('SCHEME_DOWNLOAD_FAILED');
    expect((await rejection(conf.updateScheme('nope'))).code).toBe('SCHEME_UNKNOWN');
    // The periodic updater only logs such failures.
    const errors: string[] = [];
    const logged = new Promise<void>((resolve) => {
      const logger = { info: () => undefined, warn: () => undefined, error: (m: string) => { errors.push(m); resolve(); } };
      void IrmaConfiguration.load({ schemesPath, logger }).then((c) => {
        const stop = c.startAutoUpdate(1);
        void logged.then(stop);
      });
    });
    await logged;
    expect(errors[0]).toMatch(/^updating scheme irma-demo failed: http:\/\/127\.0\.0\.1:\d+\/irma-demo\/\S+ could not be reached$/);
    server = await serveDirectory(served); // afterAll closes it again
  });
});
