import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readSchemeDirectory } from './read-scheme.js';
import { sharedSchemesDir } from './test-support/schemes-dir.js';

describe('readSchemeDirectory on the real schemes', () => {
  it('reads irma-demo with its signature, hashes, issuers, credential types and keys', async () => {
    const scheme = await readSchemeDirectory(join(sharedSchemesDir(), 'irma-demo'));
    expect(scheme.manager.id).toBe('irma-demo');
    expect(scheme.manager.demo).toBe(true);
    expect(scheme.index?.get('irma-demo/timestamp')).toMatch(/^[0-9a-f]{64}$/);
    expect(scheme.issuers.get('irma-demo.RU')?.issuerId).toBe('RU');
    expect([...(scheme.publicKeys.get('irma-demo.RU')?.keys() ?? [])].sort()).toEqual([0, 1, 2]);
    expect([...(scheme.privateKeys.get('irma-demo.RU')?.keys() ?? [])].sort()).toEqual([0, 1, 2]);
    expect(scheme.warnings.filter((w) => w.startsWith('ignored file'))).toEqual([]);
  });

  it('reads pbdf with its keyshare keys and no private keys', async () => {
    const scheme = await readSchemeDirectory(join(sharedSchemesDir(), 'pbdf'));
    expect(scheme.manager.keyshareServer).toBe('https://keyshare.yivi.app/');
    expect([...scheme.keysharePublicKeys.keys()].sort()).toEqual([0, 1, 2]);
    expect(scheme.privateKeys.size).toBe(0);
  });
});
