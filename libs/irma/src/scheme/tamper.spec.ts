import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNutshellError } from '#errors';
import { IrmaConfiguration } from './configuration.js';
import { signSchemeDirectory } from './sign-scheme.js';
import { copySharedSchemes, makeTemp, removeTemp, sharedSchemesDir } from './test-support/schemes-dir.js';

/** Flips the lowest bit of the byte at `offset` (negative: from the end). */
async function flipByte(file: string, offset: number): Promise<void> {
  const bytes = await readFile(file);
  const at = offset < 0 ? bytes.length + offset : offset;
  bytes[at] = bytes[at]! ^ 0x01;
  await writeFile(file, bytes);
}

async function loadError(schemesPath: string): Promise<{ code: string; detail: string }> {
  try {
    await IrmaConfiguration.load({ schemesPath });
  } catch (error) {
    if (isNutshellError(error)) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('load succeeded although the scheme was tampered with');
}

describe('tampered schemes are refused', () => {
  let temp: string;
  let schemes: string;
  let demo: string;

  beforeEach(async () => {
    temp = await makeTemp();
    schemes = await copySharedSchemes(join(temp, 'irma_configuration'), ['irma-demo']);
    demo = join(schemes, 'irma-demo');
  });
  afterEach(() => removeTemp(temp));

  it('the untouched copy loads (control)', async () => {
    const conf = await IrmaConfiguration.load({ schemesPath: schemes });
    expect(conf.scheme('irma-demo')?.id).toBe('irma-demo');
  });

  it('one changed byte in a credential description: hash mismatch naming the file', async () => {
    await flipByte(join(demo, 'RU', 'Issues', 'studentCard', 'description.xml'), 120);
    expect(await loadError(schemes)).toEqual({
      code: 'SCHEME_SIGNATURE_INVALID',
      detail: 'irma-demo/RU/Issues/studentCard/description.xml: hash does not match the index',
    });
  });

  it('one changed byte in a public key: hash mismatch', async () => {
    await flipByte(join(demo, 'RU', 'PublicKeys', '2.xml'), -20);
    const error = await loadError(schemes);
    expect(error.code).toBe('SCHEME_SIGNATURE_INVALID');
    expect(error.detail).toContain('irma-demo/RU/PublicKeys/2.xml');
  });

  it('one changed byte in index: the signature fails', async () => {
    await flipByte(join(demo, 'index'), 10);
    const error = await loadError(schemes);
    expect(error.code).toBe('SCHEME_SIGNATURE_INVALID');
    expect(error.detail).toContain('irma-demo/index.sig');
  });

  it('one changed byte in index.sig: the signature fails', async () => {
    await flipByte(join(demo, 'index.sig'), -5);
    expect((await loadError(schemes)).code).toBe('SCHEME_SIGNATURE_INVALID');
  });

  it('a byte appended to index.sig: trailing data is refused', async () => {
    await appendFile(join(demo, 'index.sig'), Buffer.from([0]));
    expect((await loadError(schemes)).code).toBe('SCHEME_SIGNATURE_INVALID');
  });

  it('a different scheme key in pk.pem: the signature fails', async () => {
    await writeFile(join(demo, 'pk.pem'), await readFile(join(sharedSchemesDir(), 'pbdf', 'pk.pem')));
    expect((await loadError(schemes)).code).toBe('SCHEME_SIGNATURE_INVALID');
  });

  it('a missing index.sig or pk.pem: cannot be verified', async () => {
    await rm(join(demo, 'pk.pem'));
    expect(await loadError(schemes)).toEqual({ code: 'SCHEME_SIGNATURE_INVALID', detail: 'irma-demo/pk.pem: missing, the scheme cannot be verified' });
  });

  it('a deleted file that the index lists', async () => {
    await rm(join(demo, 'RU', 'PublicKeys', '1.xml'));
    expect(await loadError(schemes)).toEqual({ code: 'SCHEME_INVALID', detail: 'irma-demo/RU/PublicKeys/1.xml: listed in the index but missing' });
  });

  it('an unlisted credential type description is refused (irmago parseSchemeFile)', async () => {
    await mkdir(join(demo, 'RU', 'Issues', 'extra'), { recursive: true });
    await writeFile(join(demo, 'RU', 'Issues', 'extra', 'description.xml'), await readFile(join(demo, 'RU', 'Issues', 'studentCard', 'description.xml')));
    expect(await loadError(schemes)).toEqual({ code: 'SCHEME_INVALID', detail: 'irma-demo/RU/Issues/extra/description.xml: not listed in the scheme index' });
  });

  it('other unlisted files, and unlisted public keys, are ignored with a warning', async () => {
    await writeFile(join(demo, 'RU', 'notes.txt'), 'hello');
    await writeFile(join(demo, 'RU', 'PublicKeys', '7.xml'), await readFile(join(demo, 'RU', 'PublicKeys', '2.xml')));
    const conf = await IrmaConfiguration.load({ schemesPath: schemes });
    expect(conf.warnings()).toContain('scheme irma-demo: ignored file not in index: irma-demo/RU/notes.txt');
    expect(conf.warnings()).toContain('scheme irma-demo: ignored file not in index: irma-demo/RU/PublicKeys/7.xml');
    expect(conf.publicKeyCounters('irma-demo.RU')).toEqual([0, 1, 2]);
  });

  it('with strict: false a tampered scheme is disabled and the others still load', async () => {
    await copySharedSchemes(schemes, ['pbdf']);
    await flipByte(join(demo, 'index'), 10);
    const conf = await IrmaConfiguration.load({ schemesPath: schemes, strict: false });
    expect(conf.scheme('irma-demo')).toBeUndefined();
    expect(conf.scheme('pbdf')?.id).toBe('pbdf');
    expect(conf.disabledSchemes()).toEqual([expect.objectContaining({ id: 'irma-demo', code: 'SCHEME_SIGNATURE_INVALID' })]);
  });

  it('with requireSigned: false a modified scheme loads without signature checks', async () => {
    const file = join(demo, 'RU', 'Issues', 'studentCard', 'description.xml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('<en>Demo Student Card</en>', '<en>Demo Changed Card</en>'));
    const conf = await IrmaConfiguration.load({ schemesPath: schemes, requireSigned: false });
    expect(conf.credentialType('irma-demo.RU.studentCard')?.name['en']).toBe('Demo Changed Card');
  });

  it('a private key whose <Counter> differs from its file name', async () => {
    await writeFile(join(demo, 'RU', 'PrivateKeys', '1.xml'), await readFile(join(demo, 'RU', 'PrivateKeys', '2.xml')));
    expect(await loadError(schemes)).toEqual({ code: 'SCHEME_INVALID', detail: 'irma-demo/RU/PrivateKeys/1.xml: <Counter> does not match the file name' });
  });

  it('re-signing an unchanged copy with sk.pem reproduces the published index byte for byte', async () => {
    const original = await readFile(join(demo, 'index'));
    const stamp = Number((await readFile(join(demo, 'timestamp'), 'utf8')).trim());
    await signSchemeDirectory(demo, await readFile(join(demo, 'sk.pem')), { timestamp: stamp });
    expect((await readFile(join(demo, 'index'))).equals(original)).toBe(true);
    expect((await readFile(join(demo, 'pk.pem'), 'utf8')).trim()).toBe((await readFile(join(sharedSchemesDir(), 'irma-demo', 'pk.pem'), 'utf8')).trim());
  });

  it('a modified scheme re-signed with its own key loads again', async () => {
    const file = join(demo, 'RU', 'Issues', 'studentCard', 'description.xml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('<en>Demo Student Card</en>', '<en>Demo Re-signed Card</en>'));
    await signSchemeDirectory(demo, await readFile(join(demo, 'sk.pem')));
    const conf = await IrmaConfiguration.load({ schemesPath: schemes });
    expect(conf.credentialType('irma-demo.RU.studentCard')?.name['en']).toBe('Demo Re-signed Card');
  });

  it('leftover temporary scheme folders are removed at load', async () => {
    await mkdir(join(schemes, '.tempscheme123', 'irma-demo'), { recursive: true });
    await mkdir(join(schemes, '.oldscheme456'));
    await IrmaConfiguration.load({ schemesPath: schemes });
    expect((await readdir(schemes)).sort()).toEqual(['irma-demo']);
  });
});
