import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBigB64, randomBigInt } from '../idemix/bigint.js';
import { sharedSchemesDir } from '../scheme/test-support/schemes-dir.js';
import { ATUM_KEY_2018, IRMAGO_VALID_SIG } from '../testing/irmago-vectors.js';
import { createDisclosure, createSignedMessage, issueCredential, type Credential } from '../testing/prover.js';
import { createTestAtumKey, type TestAtumKey } from '../testing/test-atum.js';
import { loadTestConfiguration } from '../testing/test-configuration.js';
import { runIrmaVerify } from './verify.js';

const OVER18 = 'irma-demo.MijnOverheid.ageLower.over18';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runIrmaVerify(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
}

describe('nutshell irma verify', () => {
  const schemes = sharedSchemesDir();
  let dir: string;
  let ageLower: Credential;
  let atum: TestAtumKey;
  const nonce = randomBigInt(128);
  const file = (name: string): string => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nutshell-irma-verify-'));
    const configuration = await loadTestConfiguration();
    ageLower = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' });
    atum = createTestAtumKey();
    const disclose = [[[{ type: OVER18 }]]];
    await writeFile(file('disclosure.json'), JSON.stringify(createDisclosure([ageLower], { disclose, nonce })));
    await writeFile(file('bare.json'), JSON.stringify(createDisclosure([ageLower], { disclose }).proofs));
    const tampered = createDisclosure([ageLower], { disclose, nonce });
    (tampered.proofs[0] as { c: string }).c = encodeBigB64(7n);
    await writeFile(file('tampered.json'), JSON.stringify(tampered));
    await writeFile(
      file('request.json'),
      JSON.stringify({ '@context': 'https://irma.app/ld/request/disclosure/v2', context: 'AQ==', nonce: encodeBigB64(nonce), disclose: [[[OVER18]]] }),
    );
    const signatureRequest = { disclose, nonce, message: 'ik teken' };
    await writeFile(file('signature.json'), JSON.stringify(createSignedMessage([ageLower], signatureRequest, { atumKey: atum })));
    await writeFile(
      file('signature-request.json'),
      JSON.stringify({ '@context': 'https://irma.app/ld/request/signature/v2', nonce: encodeBigB64(nonce), message: 'ik teken', disclose: [[[OVER18]]] }),
    );
    await writeFile(file('vector.json'), JSON.stringify(IRMAGO_VALID_SIG));
    await writeFile(file('not-json.json'), '{"proofs": [');
    await writeFile(file('other.json'), '{"hello": "world"}');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints VALID and exits 0 for a disclosure that matches the request', async () => {
    const result = await run(['--schemes', schemes, '--request', file('request.json'), file('disclosure.json')]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { proofStatus: string; disclosed: { rawvalue: string; status: string }[][] };
    expect(printed.proofStatus).toBe('VALID');
    expect(printed.disclosed[0]![0]).toMatchObject({ rawvalue: 'yes', status: 'PRESENT' });
  });

  it('verifies a bare proof list without request (context 1, nonce 0)', async () => {
    const result = await run([`--schemes=${schemes}`, file('bare.json')]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ proofStatus: 'VALID', disclosed: [[{ status: 'EXTRA' }]] });
  });

  it('exits 1 with the status for an invalid proof', async () => {
    const result = await run(['--schemes', schemes, '--request', file('request.json'), file('tampered.json')]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ proofStatus: 'INVALID' });
    expect(result.stderr).toBe('reason: proof-list-invalid\n');
  });

  it('verifies signed messages with pinned timestamp keys only', async () => {
    const trusted = await run(['--schemes', schemes, '--request', file('signature-request.json'), '--trust-timestamp-key', atum.publicKeyBase64, file('signature.json')]);
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.stdout)).toMatchObject({ proofStatus: 'VALID' });
    const untrusted = await run(['--schemes', schemes, file('signature.json')]);
    expect(untrusted.code).toBe(1);
    expect(JSON.parse(untrusted.stdout)).toMatchObject({ proofStatus: 'INVALID_TIMESTAMP' });
    expect(untrusted.stderr).toContain('--trust-timestamp-key');
    const vector = await run(['--schemes', schemes, '--trust-timestamp-key', ATUM_KEY_2018, file('vector.json')]);
    expect(vector.code).toBe(0);
    expect(JSON.parse(vector.stdout).disclosed[0][0]).toMatchObject({ rawvalue: '456', status: 'EXTRA' });
  });

  it('exits 2 on bad usage or unreadable input, with a message and no stack trace', async () => {
    const cases: string[][] = [
      [file('disclosure.json')],
      ['--schemes', schemes],
      ['--schemes', schemes, file('missing.json')],
      ['--schemes', schemes, file('not-json.json')],
      ['--schemes', schemes, file('other.json')],
      ['--schemes', schemes, '--bogus', file('disclosure.json')],
      ['--schemes', join(dir, 'no-such-dir'), file('disclosure.json')],
      ['--schemes', schemes, '--trust-timestamp-key', 'xyz', file('signature.json')],
      ['--schemes', schemes, '--request', file('not-json.json'), file('disclosure.json')],
      ['--schemes', schemes, '--request', file('signature-request.json'), file('disclosure.json')],
      ['--schemes'],
    ];
    for (const argv of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^nutshell irma verify: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints usage for --help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('usage: nutshell irma verify');
  });
});
