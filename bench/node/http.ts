import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type AutocannonOptions, type AutocannonRequest, type AutocannonResult } from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '#config';
import { MeansRegistry } from '#means';
import { createNodeApp } from '../../apps/node/src/app.factory.js';
import type { BenchResult } from '../result.js';

/** Load shape shared by every measurement, so the ratios compare like with like. */
export interface NodeHttpBenchOptions {
  readonly connections?: number;
  readonly durationSeconds?: number;
  /** Seconds of unmeasured load before each measurement (JIT, caches). */
  readonly warmupSeconds?: number;
  /**
   * Rounds of (bare, drawup, start, status), interleaved; each figure is the best of its rounds, so a burst of
   * other load on a shared machine hurts one round, not the comparison.
   */
  readonly rounds?: number;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

async function measure(options: AutocannonOptions, shape: Required<NodeHttpBenchOptions>): Promise<AutocannonResult> {
  if (shape.warmupSeconds > 0) await autocannon({ ...options, connections: shape.connections, duration: shape.warmupSeconds });
  const result = await autocannon({ ...options, connections: shape.connections, duration: shape.durationSeconds });
  if (result.errors > 0 || result.timeouts > 0) throw new Error(`${options.url}: ${result.errors} errors, ${result.timeouts} timeouts`);
  return result;
}

// Only 2xx answers count: a fast 4xx is no throughput.
function okPerSecond(result: AutocannonResult): number {
  return result['2xx'] / result.duration;
}


async function post(url: string, method: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method, headers: JSON_HEADERS, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/**
 * Requests per second of the node's drawup, session start and session status (dummy means, memory store, log level
 * silent) against a bare Fastify route on the same machine, with the same connections and duration. The load
 * generator runs in this process too, so absolute figures are lower than with a separate client; the ratios are fair.
 */
export async function benchNodeHttp(options: NodeHttpBenchOptions = {}): Promise<BenchResult[]> {
  const shape: Required<NodeHttpBenchOptions> = { connections: 10, durationSeconds: 5, warmupSeconds: 1, rounds: 3, ...options };
  const bareServer = Fastify({ logger: false });
  bareServer.get('/bare', async () => ({ status: 'ok' }));
  const bareUrl = `${await bareServer.listen({ port: 0, host: '127.0.0.1' })}/bare`;

  const datadir = mkdtempSync(join(tmpdir(), 'nutshell-bench-'));
  const config = loadConfig({
    argv: [],
    env: { NUTSHELL_LOG_LEVEL: 'silent', NUTSHELL_DATADIR: datadir, NUTSHELL_PORT: '0', NUTSHELL_IRMA_SCHEMES_UPDATE: '0', NUTSHELL_MEANS: 'dummy' },
    cwd: datadir,
  });
  const app = await createNodeApp(config);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');

    const did = ((await post(`${url}/internal/vdr/v2/did`, 'POST', {})) as { id: string }).id;
    await post(`${url}/internal/vcr/v2/issuer/vc`, 'POST', {
      type: 'NutsOrganizationCredential',
      issuer: did,
      credentialSubject: { id: did, organization: { name: 'CareBears', city: 'Caretown' } },
    });
    await post(`${url}/internal/vcr/v2/verifier/trust`, 'POST', { issuer: did, credentialType: 'NutsOrganizationCredential' });
    const drawupBody = JSON.stringify({ type: 'BehandelaarLogin', language: 'NL', version: 'v3', legalEntity: did });
    const { message } = (await post(`${url}/internal/auth/v1/contract/drawup`, 'PUT', JSON.parse(drawupBody))) as { message: string };
    const startBody = JSON.stringify({ means: 'dummy', payload: message });
    const means = app.get(MeansRegistry);

    const best = { bare: 0, drawup: 0, start: 0, status: 0 };
    for (let round = 0; round < shape.rounds; round++) {
      best.bare = Math.max(best.bare, okPerSecond(await measure({ url: bareUrl }, shape)));
      best.drawup = Math.max(
        best.drawup,
        okPerSecond(await measure({ url: `${url}/internal/auth/v1/contract/drawup`, method: 'PUT', headers: JSON_HEADERS, body: drawupBody }, shape)),
      );
      best.start = Math.max(
        best.start,
        okPerSecond(await measure({ url: `${url}/internal/auth/v1/signature/session`, method: 'POST', headers: JSON_HEADERS, body: startBody }, shape)),
      );

      // Every poll advances a dummy session (3 answers with 200, then 404), so the polls walk a pool of fresh sessions.
      const pollsNeeded = Math.ceil(Math.max(best.bare, 1000) * (shape.durationSeconds + shape.warmupSeconds) * 1.5);
      const ids: string[] = [];
      for (let i = 0; i < Math.ceil(pollsNeeded / 3); i++) ids.push((await means.startSession('dummy', message, undefined)).sessionID);
      let next = 0;
      const statusRequest = {
        method: 'GET',
        setupRequest: (request: AutocannonRequest) => ({ ...request, path: `/internal/auth/v1/signature/session/${ids[Math.floor(next++ / 3) % ids.length]}` }),
      };
      best.status = Math.max(best.status, okPerSecond(await measure({ url, requests: [statusRequest] }, shape)));
    }

    const ratio = (value: number) => Math.round((value / best.bare) * 1000) / 10;
    const round = (value: number) => Math.round(value);
    return [
      { name: 'bare Fastify GET', value: round(best.bare), unit: 'req/s' },
      { name: 'PUT /internal/auth/v1/contract/drawup', value: round(best.drawup), unit: 'req/s' },
      { name: 'POST /internal/auth/v1/signature/session (dummy)', value: round(best.start), unit: 'req/s' },
      { name: 'GET /internal/auth/v1/signature/session/{id} (dummy)', value: round(best.status), unit: 'req/s' },
      { name: 'drawup / bare', value: ratio(best.drawup), unit: '%', goal: '≥ 40 %', ok: ratio(best.drawup) >= 40 },
      { name: 'session start / bare', value: ratio(best.start), unit: '%' },
      { name: 'session status / bare', value: ratio(best.status), unit: '%', goal: '≥ 60 %', ok: ratio(best.status) >= 60 },
    ];
  } finally {
    await app.close();
    await bareServer.close();
    rmSync(datadir, { recursive: true, force: true });
  }
}
