import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNutshellError } from '#errors';
import { IrmaConfiguration } from './configuration.js';
import { signSchemeDirectory } from './sign-scheme.js';
import { copySharedSchemes, makeTemp, removeTemp, sharedSchemesDir } from './test-support/schemes-dir.js';

async function loadError(load: Promise<unknown>): Promise<{ code: string; detail: string }> {
  try {
    await load;
  } catch (error) {
    if (isNutshellError(error)) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('load succeeded');
}

describe('schemes assets folder', () => {
  let temp: string;
  beforeEach(async () => {
    temp = await makeTemp();
  });
  afterEach(() => removeTemp(temp));

  it('copies the assets schemes into an empty schemes path on first start', async () => {
    const schemesPath = join(temp, 'irma_configuration');
    const conf = await IrmaConfiguration.load({ schemesPath, assetsPath: sharedSchemesDir() });
    expect(conf.schemes().map((s) => s.id)).toEqual(['irma-demo', 'pbdf']);
    expect((await readdir(schemesPath)).sort()).toEqual(['irma-demo', 'pbdf']);
    // the copy is writable, so later updates can replace files
    await writeFile(join(schemesPath, 'irma-demo', 'README.md'), 'writable');
  });

  it('keeps a stored scheme that is at least as new, replaces an older one', async () => {
    const schemesPath = await copySharedSchemes(join(temp, 'irma_configuration'), ['irma-demo']);
    const demo = join(schemesPath, 'irma-demo');
    const published = Number((await readFile(join(demo, 'timestamp'), 'utf8')).trim());
    const card = join(demo, 'RU', 'Issues', 'studentCard', 'description.xml');
    await writeFile(card, (await readFile(card, 'utf8')).replace('<en>Demo Student Card</en>', '<en>Demo Local Card</en>'));
    const sk = await readFile(join(demo, 'sk.pem'));

    await signSchemeDirectory(demo, sk, { timestamp: published + 100 });
    const newer = await IrmaConfiguration.load({ schemesPath, assetsPath: sharedSchemesDir() });
    expect(newer.credentialType('irma-demo.RU.studentCard')?.name['en']).toBe('Demo Local Card');

    await signSchemeDirectory(demo, sk, { timestamp: published - 100 });
    const older = await IrmaConfiguration.load({ schemesPath, assetsPath: sharedSchemesDir() });
    expect(older.credentialType('irma-demo.RU.studentCard')?.name['en']).toBe('Demo Student Card');
    expect(older.scheme('irma-demo')?.timestamp).toBe(published);
  });

  it('refuses a missing assets folder', async () => {
    expect((await loadError(IrmaConfiguration.load({ schemesPath: join(temp, 's'), assetsPath: join(temp, 'nope') }))).code).toBe('CONFIG_INVALID');
  });
});

describe('private keys folder (irma server privkeys)', () => {
  let temp: string;
  let schemesPath: string;
  let privkeys: string;
  let demo: string;

  beforeEach(async () => {
    temp = await makeTemp();
    schemesPath = await copySharedSchemes(join(temp, 'irma_configuration'), ['irma-demo']);
    demo = join(schemesPath, 'irma-demo');
    privkeys = join(temp, 'privkeys');
    await mkdir(privkeys);
    // Move RU's keys out of the scheme (private keys are never signed, so the scheme still verifies).
    for (const n of [1, 2]) await writeFile(join(temp, `ru-${n}.xml`), await readFile(join(demo, 'RU', 'PrivateKeys', `${n}.xml`)));
    await rm(join(demo, 'RU', 'PrivateKeys'), { recursive: true });
  });
  afterEach(() => removeTemp(temp));

  it('reads scheme.issuer.xml (counter from the file) and scheme.issuer.counter.xml, skipping other names', async () => {
    await writeFile(join(privkeys, 'irma-demo.RU.xml'), await readFile(join(temp, 'ru-2.xml')));
    await writeFile(join(privkeys, 'irma-demo.RU.1.xml'), await readFile(join(temp, 'ru-1.xml')));
    await writeFile(join(privkeys, 'README.txt'), 'not a key');
    const conf = await IrmaConfiguration.load({ schemesPath, privateKeysPath: privkeys });
    expect(conf.privateKeyCounters('irma-demo.RU')).toEqual([1, 2]);
    expect(conf.latestPrivateKeyCounter('irma-demo.RU')).toBe(2);
    const sk = conf.privateKey('irma-demo.RU', 2)!;
    expect(sk.p * sk.q).toBe(conf.publicKey('irma-demo.RU', 2)!.n);
    expect(conf.privateKeyXml('irma-demo.RU', 1)).toBe(await readFile(join(temp, 'ru-1.xml'), 'utf8'));
    expect(conf.privateKeyXml('irma-demo.RU', 0)).toBeUndefined();
  });

  it('refuses a file name counter that differs from <Counter>', async () => {
    await writeFile(join(privkeys, 'irma-demo.RU.1.xml'), await readFile(join(temp, 'ru-2.xml')));
    expect((await loadError(IrmaConfiguration.load({ schemesPath, privateKeysPath: privkeys }))).detail).toContain('irma-demo.RU.1.xml');
  });

  it('refuses a key of an unknown issuer', async () => {
    await writeFile(join(privkeys, 'irma-demo.Nope.xml'), await readFile(join(temp, 'ru-2.xml')));
    expect(await loadError(IrmaConfiguration.load({ schemesPath, privateKeysPath: privkeys })))
      .toEqual({ code: 'SCHEME_INVALID', detail: 'irma-demo.Nope.xml: private key of unknown issuer irma-demo.Nope' });
  });

  it('refuses a key that does not belong to the public key with its counter (N ≠ P·Q)', async () => {
    await writeFile(join(privkeys, 'irma-demo.MijnOverheid.xml'), await readFile(join(temp, 'ru-2.xml')));
    const error = await loadError(IrmaConfiguration.load({ schemesPath, privateKeysPath: privkeys }));
    expect(error.code).toBe('SCHEME_INVALID');
    expect(error.detail).toContain('does not belong to public key irma-demo.MijnOverheid-2');
  });
});

describe('read-only configuration', () => {
  it('reads a folder without touching it and refuses download and update', async () => {
    const temp = await makeTemp();
    try {
      const schemesPath = await copySharedSchemes(join(temp, 'irma_configuration'), ['irma-demo']);
      await mkdir(join(schemesPath, '.tempscheme1'));
      const conf = await IrmaConfiguration.load({ schemesPath, readOnly: true });
      expect(conf.scheme('irma-demo')?.demo).toBe(true);
      expect((await readdir(schemesPath)).sort()).toEqual(['.tempscheme1', 'irma-demo']);
      expect((await loadError(conf.updateSchemes())).code).toBe('FORBIDDEN');
      expect((await loadError(conf.downloadScheme('http://127.0.0.1:9/x'))).code).toBe('FORBIDDEN');
      expect((await loadError(IrmaConfiguration.load({ schemesPath: join(temp, 'absent'), readOnly: true }))).code).toBe('CONFIG_INVALID');
    } finally {
      await removeTemp(temp);
    }
  });
});
