import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawUpContract, findTemplate } from '#contract';
import { freePort } from '../support/test-node.js';

// Two real node processes (the built dist, as `npm test` builds before vitest) on one Redis: a dummy session
// started on one node is polled to completion on the other, and the presentation verifies on the node that sealed it.

const root = new URL('../..', import.meta.url).pathname;
const main = join(root, 'dist/apps/node/src/main.js');
const redisUrl = process.env['NUTSHELL_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `nutshell-test:${randomBytes(6).toString('hex')}:`;

interface NodeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly datadir: string;
  readonly output: string[];
}

async function startProcess(): Promise<NodeProcess> {
  const port = await freePort();
  const datadir = mkdtempSync(join(tmpdir(), 'nutshell-two-nodes-'));
  const child = spawn(process.execPath, [main], {
    cwd: datadir,
    env: {
      PATH: process.env['PATH'] ?? '',
      NUTSHELL_PORT: String(port),
      NUTSHELL_DATADIR: datadir,
      NUTSHELL_SESSION_STORE: 'redis',
      NUTSHELL_REDIS_URL: redisUrl,
      NUTSHELL_REDIS_PREFIX: prefix,
      NUTSHELL_IRMA_SCHEMES_UPDATE: '0',
      NUTSHELL_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 50_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node exited with ${child.exitCode}: ${output.join('')}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return { url, child, datadir, output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(datadir, { recursive: true, force: true });
      throw new Error(`node did not start: ${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopProcess(node: NodeProcess | undefined): Promise<void> {
  if (node === undefined) return;
  if (node.child.exitCode === null) {
    const exited = new Promise((resolve) => node.child.once('exit', resolve));
    node.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (node.child.exitCode === null) node.child.kill('SIGKILL');
  }
  rmSync(node.datadir, { recursive: true, force: true });
}

describe('two node processes on one Redis', () => {
  let one: NodeProcess | undefined;
  let two: NodeProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does)`);
    // allSettled, so a node that did start is still stopped in afterAll when the other one failed.
    const [a, b] = await Promise.allSettled([startProcess(), startProcess()]);
    if (a.status === 'fulfilled') one = a.value;
    if (b.status === 'fulfilled') two = b.value;
    if (a.status === 'rejected') throw a.reason;
    if (b.status === 'rejected') throw b.reason;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([stopProcess(one), stopProcess(two)]);
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }, 30_000);

  it('starts a dummy session on one node and polls it to completion on the other', async () => {
    if (one === undefined || two === undefined) throw new Error('nodes not started');
    const template = findTemplate('NL', 'BehandelaarLogin', 'v3');
    if (template === undefined) throw new Error('template missing');
    const text = drawUpContract({ template, legalEntity: 'CareBears', legalEntityCity: 'Caretown', now: new Date() }).text;

    const started = await fetch(`${one.url}/internal/auth/v1/signature/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ means: 'dummy', payload: text }),
    });
    expect(started.status).toBe(201);
    const { sessionID } = (await started.json()) as { sessionID: string };

    const poll = async (node: NodeProcess) => fetch(`${node.url}/internal/auth/v1/signature/session/${sessionID}`);
    expect(await (await poll(two)).json()).toEqual({ status: 'created' });
    expect(await (await poll(one)).json()).toEqual({ status: 'in-progress' });
    const done = (await (await poll(two)).json()) as { status: string; verifiablePresentation: { proof: { Contract: string } } };
    expect(done.status).toBe('completed');
    expect(done.verifiablePresentation.proof.Contract).toBe(text);
    expect((await poll(one)).status).toBe(404);

    // Sealed at start by node one's key: valid there, not on node two (which holds a different key).
    const verifyOn = async (node: NodeProcess) =>
      (await fetch(`${node.url}/internal/auth/v1/signature/verify`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verifiablePresentation: done.verifiablePresentation }),
      }).then((r) => r.json())) as { validity: boolean };
    expect((await verifyOn(one)).validity).toBe(true);
    expect((await verifyOn(two)).validity).toBe(false);
  });
});
