import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IrmaConfiguration } from './configuration.js';
import { copySharedSchemes, makeTemp, removeTemp, sharedSchemesDir } from './test-support/schemes-dir.js';

async function countFiles(dir: string, pattern: RegExp): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const rel = join(entry.parentPath, entry.name).slice(dir.length + 1);
    if (entry.isFile() && pattern.test(rel)) n++;
  }
  return n;
}

describe('IrmaConfiguration on the real irma-demo and pbdf schemes', () => {
  let temp: string;
  let conf: IrmaConfiguration;

  beforeAll(async () => {
    temp = await makeTemp();
    conf = await IrmaConfiguration.load({ schemesPath: await copySharedSchemes(join(temp, 'irma_configuration')) });
  });
  afterAll(() => removeTemp(temp));

  it('loads both schemes with their description and timestamp', async () => {
    expect(conf.schemes().map((s) => s.id)).toEqual(['irma-demo', 'pbdf']);
    const demo = conf.scheme('irma-demo')!;
    expect(demo.demo).toBe(true);
    expect(demo.url).toBe('https://schemes.yivi.app/irma-demo');
    expect(demo.timestampServer).toBe('https://atumd.yivi.app/');
    expect(demo.keyshareServer).toBeUndefined();
    expect(demo.name['en']).toBe('IRMA Demo');
    const stamp = Number((await readFile(join(sharedSchemesDir(), 'irma-demo', 'timestamp'), 'utf8')).trim());
    expect(demo.timestamp).toBe(stamp);
    expect(conf.disabledSchemes()).toEqual([]);
  });

  it('knows the pbdf keyshare server, attribute, app version and keyshare JWT keys', () => {
    const pbdf = conf.scheme('pbdf')!;
    expect(pbdf.demo).toBe(false);
    expect(pbdf.keyshareServer).toBe('https://keyshare.yivi.app/');
    expect(pbdf.keyshareWebsite).toBe('https://my.yivi.app/');
    expect(pbdf.keyshareAttribute).toBe('pbdf.sidn-pbdf.irma.pseudonym');
    expect(pbdf.minimumAppVersion).toEqual({ android: 4194468, ios: 4194468 });
    expect(conf.keysharePublicKeyPem('pbdf', 0)).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(conf.keysharePublicKeyPem('pbdf', 2)).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(conf.keysharePublicKeyPem('pbdf', 3)).toBeUndefined();
    expect(conf.keysharePublicKeyPem('irma-demo')).toBeUndefined();
  });

  it('has irma-demo.MijnOverheid.root with BSN then the revocation attribute, singleton', () => {
    const root = conf.credentialType('irma-demo.MijnOverheid.root')!;
    expect(root.schemeId).toBe('irma-demo');
    expect(root.issuerId).toBe('MijnOverheid');
    expect(root.credentialId).toBe('root');
    expect(root.singleton).toBe(true);
    expect(root.attributes.map((a) => a.shortId)).toEqual(['BSN', '']);
    expect(root.attributes[1]!.revocation).toBe(true);
    expect(root.revocationIndex).toBe(1);
    expect(root.revocationServers).toEqual(['https://is.demo.staging.yivi.app']);
    expect(root.attributes[0]!.id).toBe('irma-demo.MijnOverheid.root.BSN');
    expect(conf.attributeType('irma-demo.MijnOverheid.root.BSN')?.index).toBe(0);
  });

  it('keeps the attribute order of the file (gabi index = position + 2)', () => {
    const card = conf.credentialType('irma-demo.RU.studentCard')!;
    expect(card.attributes.map((a) => a.shortId)).toEqual(['university', 'studentCardNumber', 'studentID', 'level']);
    expect(card.singleton).toBe(true);
    expect(conf.attributeType('irma-demo.RU.studentCard.studentID')?.index).toBe(2);
    expect(conf.attributeType('irma-demo.RU.studentCard.nope')).toBeUndefined();
    expect(conf.credentialType('irma-demo.MijnOverheid.address')?.singleton).toBe(false); // no <ShouldBeSingleton>
    expect(conf.credentialType('irma-demo.DemoDuo.demodiploma')?.singleton).toBe(false); // explicit false
  });

  it('finds a credential type by the 16-byte hash the metadata attribute carries', () => {
    const hash = createHash('sha256').update('irma-demo.RU.studentCard').digest().subarray(0, 16);
    expect(conf.credentialTypeByHash(new Uint8Array(hash))?.id).toBe('irma-demo.RU.studentCard');
    const pbdfHash = createHash('sha256').update('pbdf.sidn-pbdf.irma').digest().subarray(0, 16);
    expect(conf.credentialTypeByHash(pbdfHash)?.id).toBe('pbdf.sidn-pbdf.irma');
    expect(conf.credentialTypeByHash(new Uint8Array(16))).toBeUndefined();
    expect(conf.credentialTypeByHash(new Uint8Array(hash.subarray(0, 15)))).toBeUndefined();
  });

  it('lists issuers and every credential type on disk', async () => {
    expect(conf.issuer('irma-demo.RU')?.name['en']).toMatch(/^Demo /);
    expect(conf.issuer('irma-demo.nope')).toBeUndefined();
    for (const id of ['irma-demo', 'pbdf']) {
      const onDisk = await countFiles(join(sharedSchemesDir(), id), /^[^/]+\/Issues\/[^/]+\/description\.xml$/);
      expect(conf.credentialTypes().filter((t) => t.schemeId === id)).toHaveLength(onDisk);
    }
  });

  it('exposes public key counters and parses keys lazily', async () => {
    expect(conf.publicKeyCounters('irma-demo.RU')).toEqual([0, 1, 2]);
    expect(conf.latestPublicKeyCounter('irma-demo.RU')).toBe(2);
    const pbdfFiles = (await readdir(join(sharedSchemesDir(), 'pbdf', 'pbdf', 'PublicKeys'))).map((f) => Number(f.replace('.xml', '')));
    expect(conf.publicKeyCounters('pbdf.pbdf')).toEqual(pbdfFiles.sort((a, b) => a - b));
    const onDisk = await countFiles(join(sharedSchemesDir(), 'irma-demo'), /\/PublicKeys\/\d+\.xml$/);
    const loaded = conf.issuers().filter((i) => i.schemeId === 'irma-demo').reduce((n, i) => n + conf.publicKeyCounters(i.id).length, 0);
    expect(loaded).toBe(onDisk);

    const xml = await readFile(join(sharedSchemesDir(), 'irma-demo', 'RU', 'PublicKeys', '2.xml'), 'utf8');
    expect(conf.publicKeyXml('irma-demo.RU', 2)).toBe(xml);
    const pk = conf.publicKey('irma-demo.RU', 2)!;
    expect(pk.counter).toBe(2);
    expect(pk.R.length).toBeGreaterThanOrEqual(conf.credentialType('irma-demo.RU.studentCard')!.attributes.length + 2);
    expect(conf.publicKey('irma-demo.RU', 2)).toBe(pk); // cached
    expect(conf.publicKey('irma-demo.RU', 99)).toBeUndefined();
    expect(conf.latestPublicKey('irma-demo.RU')).toBe(pk);
  });

  it('exposes the demo private keys of the scheme, matching their public keys', () => {
    expect(conf.privateKeyCounters('irma-demo.RU')).toEqual([0, 1, 2]);
    expect(conf.latestPrivateKeyCounter('irma-demo.RU')).toBe(2);
    const sk = conf.privateKey('irma-demo.RU', 2)!;
    expect(sk.counter).toBe(2);
    expect(sk.p * sk.q).toBe(conf.publicKey('irma-demo.RU', 2)!.n);
    expect(conf.privateKeyXml('pbdf.pbdf', 10)).toBeUndefined();
    expect(conf.privateKeyCounters('pbdf.pbdf')).toEqual([]);
  });
});

describe('IrmaConfiguration.validateKeys on the real schemes', () => {
  it('finds enough bases in every latest key and warns only about expired or expiring keys', async () => {
    const conf = await IrmaConfiguration.load({ schemesPath: sharedSchemesDir() });
    const warnings = conf.validateKeys(new Date('2026-11-27T00:00:00Z'));
    for (const w of warnings) expect(w).toMatch(/^(issuer \S+ has no unexpired public keys|latest public key of issuer \S+ expires soon)$/);
    // RU's latest key (counter 2) is valid until 2030 (idemix.md §9.6), so RU is not among the warnings.
    expect(warnings.some((w) => w.includes('irma-demo.RU '))).toBe(false);
    expect(conf.validateKeys(new Date('2100-01-01T00:00:00Z'))).toContain('issuer irma-demo.RU has no unexpired public keys');
  });
});

describe('default schemes', () => {
  it('pins the same keys the real irma-demo and pbdf schemes carry', async () => {
    const { DEFAULT_SCHEMES } = await import('./default-schemes.js');
    const { createPublicKey } = await import('node:crypto');
    for (const pointer of DEFAULT_SCHEMES) {
      const id = pointer.url.split('/').at(-1)!;
      const onDisk = await readFile(join(sharedSchemesDir(), id, 'pk.pem'), 'utf8');
      const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
      expect(der(pointer.publicKeyPem).equals(der(onDisk))).toBe(true);
    }
  });
});
