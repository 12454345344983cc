import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSessionRequest, type DisclosureRequest, type SignatureRequest } from '#irma';
import { createDisclosure, createSignedMessage, issueCredential, type Credential } from '../../libs/irma/src/testing/prover.js';
import { loadTestConfiguration } from '../../libs/irma/src/testing/test-configuration.js';
import { sharedSchemesDir, startTestNode, type TestNode } from '../support/test-node.js';

const OVER18 = 'irma-demo.MijnOverheid.ageLower.over18';
const app = { 'X-IRMA-MinProtocolVersion': '2.8', 'X-IRMA-MaxProtocolVersion': '2.8', Authorization: 'AppAuthorizationToken123' };

/** The IRMA engine as mounted by the node: requestor API on loopback, client protocol under /irma, real Idemix proofs verified by the worker pool. */
describe('IRMA engine in the node', () => {
  let node: TestNode;
  let wallet: Credential[];

  beforeAll(async () => {
    node = await startTestNode({ NUTSHELL_IRMA_WORKERS: '2' });
    const configuration = await loadTestConfiguration();
    wallet = [issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' })];
  });
  afterAll(async () => node.close());

  async function start(request: unknown): Promise<{ u: string; token: string; wire: Record<string, unknown> }> {
    const res = await node.request('POST', '/irma/requestor/session', { json: request });
    expect(res.status).toBe(200);
    const pkg = (await res.json()) as { sessionPtr: { u: string; irmaqr: string }; token: string };
    expect(pkg.sessionPtr.u).toMatch(new RegExp(`^${node.config.publicUrl}/irma/session/[A-Za-z0-9]{20}$`));
    const u = pkg.sessionPtr.u.replace(node.config.publicUrl, node.url);
    const first = await fetch(`${u}/`, { headers: app });
    expect(first.status).toBe(200);
    return { u, token: pkg.token, wire: ((await first.json()) as { request: Record<string, unknown> }).request };
  }

  it('runs a disclosure session with a real proof to DONE/VALID', async () => {
    const { u, token, wire } = await start({ '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[[OVER18]]] });
    const posted = await fetch(`${u}/proofs`, {
      method: 'POST',
      headers: { ...app, 'content-type': 'application/json' },
      body: JSON.stringify(createDisclosure(wallet, parseSessionRequest(wire) as DisclosureRequest)),
    });
    expect(await posted.json()).toEqual({ proofStatus: 'VALID' });
    const result = (await (await node.request('GET', `/irma/requestor/session/${token}/result`)).json()) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'DONE', type: 'disclosing', proofStatus: 'VALID', disclosed: [[{ id: OVER18, rawvalue: 'yes', status: 'PRESENT' }]] });
  });

  it('runs a signature session whose SignedMessage the CLI verifies', async () => {
    const { u, token, wire } = await start({ '@context': 'https://irma.app/ld/request/signature/v2', message: 'I sign the login contract', disclose: [[[OVER18]]] });
    const signature = createSignedMessage(wallet, parseSessionRequest(wire) as SignatureRequest);
    const posted = await fetch(`${u}/proofs`, { method: 'POST', headers: { ...app, 'content-type': 'application/json' }, body: JSON.stringify(signature) });
    expect(await posted.json()).toEqual({ proofStatus: 'VALID' });
    const result = (await (await node.request('GET', `/irma/requestor/session/${token}/result`)).json()) as { proofStatus: string; signature: unknown };
    expect(result.proofStatus).toBe('VALID');

    const dir = mkdtempSync(join(tmpdir(), 'nutshell-sig-'));
    const file = join(dir, 'signature.json');
    writeFileSync(file, JSON.stringify(result.signature));
    const run = promisify(execFile);
    const ok = await run(process.execPath, ['packages/cli/nutshell.js', 'irma', 'verify', '--schemes', sharedSchemesDir(), file]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ proofStatus: 'VALID', disclosed: [[{ id: OVER18, rawvalue: 'yes' }]] });

    const tampered = JSON.stringify(result.signature).replace('I sign the login contract', 'I sign something else');
    writeFileSync(file, tampered);
    const bad = await run(process.execPath, ['packages/cli/nutshell.js', 'irma', 'verify', '--schemes', sharedSchemesDir(), file]).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).proofStatus).not.toBe('VALID');
  });

  it('answers irmago error bodies under the prefix', async () => {
    const unknown = await node.request('GET', '/irma/session/AAAAAAAAAAAAAAAAAAAA/status');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ status: 400, error: 'SESSION_UNKNOWN' });
    const route = await node.request('GET', '/irma/nothing-here');
    expect(await route.json()).toEqual({ status: 404, error: 'INVALID_REQUEST' });
    const malformed = await node.request('POST', '/irma/requestor/session', { body: '{"disclose": [[[', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ status: 400 });
  });
});
