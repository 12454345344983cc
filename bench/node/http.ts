import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { loadConfig } from '#config';
import { MeansRegistry } from '#means';
import { createNodeApp } from '../../apps/node/src/app.factory.js';
import type { BenchResult } from '../result.js';
import type { LoadJob, LoadOutcome } from './load-generator.js';

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

/** One measured endpoint: throughput, and the server's CPU time per answered request. */
interface Measurement {
  readonly perSecond: number;
  readonly cpuMicros: number;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const loadProcess = fileURLToPath(new URL('./load-process.js', import.meta.url));

function runLoad(job: LoadJob): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [loadProcess], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadOutcome) : reject(new Error(`load generator failed (${code}): ${err}`))));
    child.stdin.end(JSON.stringify(job));
  });
}

// Only 2xx answers count: a fast 4xx is no throughput. CPU is this process's (the servers'; the generator runs apart).
// `warmup` defaults to the measured job; a stateful walk needs its own, or the measurement re-walks what it consumed.
async function measure(
  job: Omit<LoadJob, 'connections' | 'durationSeconds'>,
  shape: Required<NodeHttpBenchOptions>,
  warmup: Omit<LoadJob, 'connections' | 'durationSeconds'> = job,
): Promise<Measurement> {
  if (shape.warmupSeconds > 0) await runLoad({ ...warmup, connections: shape.connections, durationSeconds: shape.warmupSeconds });
  const before = process.cpuUsage();
  const outcome = await runLoad({ ...job, connections: shape.connections, durationSeconds: shape.durationSeconds });
  const cpu = process.cpuUsage(before);
  if (outcome.errors > 0 || outcome.timeouts > 0) throw new Error(`${job.url}: ${outcome.errors} errors, ${outcome.timeouts} timeouts`);
  if (outcome.ok === 0) throw new Error(`${job.url}: no 2xx answers (${outcome.non2xx} others)`);
  return { perSecond: outcome.ok / outcome.seconds, cpuMicros: (cpu.user + cpu.system) / (outcome.ok + outcome.non2xx) };
}

function better(a: Measurement | undefined, b: Measurement): Measurement {
  return a === undefined ? b : { perSecond: Math.max(a.perSecond, b.perSecond), cpuMicros: Math.min(a.cpuMicros, b.cpuMicros) };
}

async function post(url: string, method: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method, headers: JSON_HEADERS, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

type Target = 'bare' | 'nest' | 'drawup' | 'start' | 'status';

/**
 * Requests per second of the node's drawup, session start and session status (dummy means, memory store, log level
 * silent), of a trivial Nest route (GET /status, the framework's ceiling) and of a bare Fastify route, all served by
 * this process with the same connections and duration; autocannon runs in a separate process. Also the servers' CPU
 * time per request, which a loaded machine disturbs far less than throughput, and the ratios of both to bare.
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
    const drawupRequest = { type: 'BehandelaarLogin', language: 'NL', version: 'v3', legalEntity: did };
    const drawupBody = JSON.stringify(drawupRequest);
    const { message } = (await post(`${url}/internal/auth/v1/contract/drawup`, 'PUT', drawupRequest)) as { message: string };
    const startBody = JSON.stringify({ means: 'dummy', payload: message });
    const means = app.get(MeansRegistry);

    const best: Partial<Record<Target, Measurement>> = {};
    for (let round = 0; round < shape.rounds; round++) {
      best.bare = better(best.bare, await measure({ url: bareUrl }, shape));
      best.nest = better(best.nest, await measure({ url: `${url}/status` }, shape));
      best.drawup = better(best.drawup, await measure({ url: `${url}/internal/auth/v1/contract/drawup`, method: 'PUT', headers: JSON_HEADERS, body: drawupBody }, shape));
      best.start = better(best.start, await measure({ url: `${url}/internal/auth/v1/signature/session`, method: 'POST', headers: JSON_HEADERS, body: startBody }, shape));

      // Every poll advances a dummy session (3 answers with 200, then 404), so the polls walk pools of fresh sessions:
      // one for the warm-up and one for the measurement, each big enough for the bare route's pace.
      const pool = async (seconds: number): Promise<string[]> => {
        const paths: string[] = [];
        const sessions = Math.ceil((Math.max(best.bare?.perSecond ?? 0, 1000) * seconds * 1.5) / 3) + shape.connections;
        for (let i = 0; i < sessions; i++) {
          paths.push(`/internal/auth/v1/signature/session/${(await means.startSession('dummy', message, undefined)).sessionID}`);
        }
        return paths;
      };
      const warmupPaths = await pool(shape.warmupSeconds);
      const paths = await pool(shape.durationSeconds);
      best.status = better(best.status, await measure({ url, paths, repeatEachPath: 3 }, shape, { url, paths: warmupPaths, repeatEachPath: 3 }));
    }

    const get = (target: Target): Measurement => {
      const m = best[target];
      if (m === undefined) throw new Error(`no measurement of ${target}`);
      return m;
    };
    const bare = get('bare');
    const pct = (value: number) => Math.round(value * 1000) / 10;
    const figures: BenchResult[] = [];
    const names: Record<Target, string> = {
      bare: 'bare Fastify GET',
      nest: 'Nest GET /status (framework ceiling)',
      drawup: 'PUT /internal/auth/v1/contract/drawup',
      start: 'POST /internal/auth/v1/signature/session (dummy)',
      status: 'GET /internal/auth/v1/signature/session/{id} (dummy)',
    };
    for (const target of ['bare', 'nest', 'drawup', 'start', 'status'] as const) {
      figures.push({ name: `${names[target]} throughput`, value: Math.round(get(target).perSecond), unit: 'req/s' });
      figures.push({ name: `${names[target]} server CPU`, value: Math.round(get(target).cpuMicros), unit: 'µs/req' });
    }
    const goals: Partial<Record<Target, number>> = { drawup: 40, status: 60 };
    for (const target of ['nest', 'drawup', 'start', 'status'] as const) {
      const goal = goals[target];
      const byThroughput = pct(get(target).perSecond / bare.perSecond);
      const byCpu = pct(bare.cpuMicros / get(target).cpuMicros);
      figures.push({ name: `${target} / bare, throughput`, value: byThroughput, unit: '%', ...(goal === undefined ? {} : { goal: `≥ ${goal} %`, ok: byThroughput >= goal }) });
      figures.push({ name: `${target} / bare, by server CPU per request`, value: byCpu, unit: '%', ...(goal === undefined ? {} : { goal: `≥ ${goal} %`, ok: byCpu >= goal }) });
    }
    return figures;
  } finally {
    await app.close();
    await bareServer.close();
    rmSync(datadir, { recursive: true, force: true });
  }
}
