import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  allEngines,
  defaultEngine,
  parseProofList,
  parsePublicKeyXml,
  ProofVerifierPool,
  referenceEngine,
  serializePublicKey,
  verifyProofList,
  type ExpEngine,
  type IssuerPublicKey,
  type Proof,
  type VerifyArgs,
} from '#irma/idemix/index';
import { gabiVectorsDir } from '#irma/vectors/gabi-vectors';
import type { BenchResult } from '../result.js';

/** The benchmarked input: a valid proof list of one ProofD (6 attributes, 2 disclosed) and its verification inputs. */
interface Fixture {
  readonly bits: number;
  readonly proofs: Proof[];
  readonly keys: IssuerPublicKey[];
  readonly context: bigint;
  readonly nonce: bigint;
  readonly poolArgs: VerifyArgs;
}

const CASE_NAME = 'valid-disclose-1-2-context1';
const GOALS_MS: Record<number, number> = { 1024: 2.5, 2048: 9 };

function loadFixture(bits: number): Fixture {
  const file = join(gabiVectorsDir(), `generated-${bits}.disclosure.json`);
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    publicKeys: Record<string, string>;
    cases: { name: string; publicKeyIds: string[]; context: string; nonce: string; proofList: unknown[]; expected: boolean }[];
  };
  const c = json.cases.find((x) => x.name === CASE_NAME && x.expected);
  if (!c) throw new Error(`${file}: no case ${CASE_NAME}`);
  const keys = c.publicKeyIds.map((id) => parsePublicKeyXml(json.publicKeys[id]!));
  return {
    bits,
    proofs: parseProofList(c.proofList),
    keys,
    context: BigInt(c.context),
    nonce: BigInt(c.nonce),
    poolArgs: { proofList: c.proofList, keys: keys.map(serializePublicKey), context: c.context, nonce: c.nonce, issig: false },
  };
}

/** Per-call wall-clock and CPU milliseconds of one batch. */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

function timeBatch(fn: () => void, minIterations: number, minMs: number): Timing {
  let iterations = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  while (iterations < minIterations || elapsed < minMs) {
    fn();
    iterations++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall: elapsed / iterations, cpu: (cpu.user + cpu.system) / 1000 / iterations };
}

/**
 * Best (lowest) per-call figures over `batches` batches after `warmup` calls. The machine is shared with other
 * work, so the best batch is the closest to the code's own cost; the median is returned alongside.
 */
function timeMs(fn: () => void, minIterations: number, minMs: number, warmup: number, batches = 5): { best: Timing; median: Timing } {
  for (let i = 0; i < warmup; i++) fn();
  const runs = Array.from({ length: batches }, () => timeBatch(fn, Math.ceil(minIterations / batches), minMs / batches));
  const byCpu = [...runs].sort((a, b) => a.cpu - b.cpu);
  const byWall = [...runs].sort((a, b) => a.wall - b.wall);
  const mid = Math.floor(batches / 2);
  return { best: { cpu: byCpu[0]!.cpu, wall: byWall[0]!.wall }, median: { cpu: byCpu[mid]!.cpu, wall: byWall[mid]!.wall } };
}

function verifyOnce(f: Fixture, engine: ExpEngine): void {
  if (!verifyProofList(f.proofs, f.keys, f.context, f.nonce, false, undefined, { engine })) {
    throw new Error(`benchmark fixture did not verify with ${engine.name}`);
  }
}

/** Longest gap between 1 ms timer ticks while `work` runs: how long the event loop was kept from other requests. */
async function longestStallMs(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const timer = setInterval(tick, 1);
  await work();
  tick();
  clearInterval(timer);
  return longest;
}

/**
 * Event-loop stalls of 2048-bit verification as the session engine does it, one list per request: in-thread
 * (the loop is free between lists) and on the pool (only posting and the reply run on the loop).
 */
async function stallResults(pool: ProofVerifierPool, quick: boolean): Promise<BenchResult[]> {
  const f = loadFixture(2048);
  const count = quick ? 20 : 100;
  const inThread = await longestStallMs(async () => {
    for (let i = 0; i < count; i++) {
      verifyOnce(f, defaultEngine);
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  const pooled = await longestStallMs(() => Promise.all(Array.from({ length: count }, () => pool.verifyList(f.poolArgs))));
  return [
    { name: `proofd-verify-2048 in-thread, longest event-loop stall over ${count}`, value: Number(inThread.toFixed(1)), unit: 'ms' },
    { name: `proofd-verify-2048 pool-${pool.size}, longest event-loop stall over ${count}`, value: Number(pooled.toFixed(1)), unit: 'ms' },
  ];
}

/** Runs the ProofD benchmark: per-engine single-thread latency at 1024 and 2048 bits, and pool throughput at 1024. */
export async function benchProofD(options: { quick?: boolean } = {}): Promise<BenchResult[]> {
  const quick = options.quick === true;
  const results: BenchResult[] = [];
  for (const bits of [1024, 2048]) {
    const f = loadFixture(bits);
    for (const engine of [referenceEngine, ...allEngines]) {
      const slow = engine === referenceEngine || engine.name === 'bigint-straus';
      const isDefault = engine === defaultEngine;
      if (isDefault) {
        // The first verification with a new key: tables are only starting to grow.
        const cold = timeBatch(() => verifyOnce(f, engine), 1, 0);
        results.push({ name: `proofd-verify-${bits}-${engine.name} first use of key`, value: Number(cold.cpu.toFixed(3)), unit: 'ms cpu/verification' });
      }
      // Warm-up lets the fixed-base tables grow to full size (they grow a bounded number of rows per call).
      const t = timeMs(() => verifyOnce(f, engine), slow || quick ? 5 : 50, slow || quick ? 100 : 1500, slow ? 1 : 60);
      const goal = GOALS_MS[bits]!;
      // CPU time is the figure compared with the goal: wall time on a shared 2-core machine mostly measures the neighbours.
      results.push({
        name: `proofd-verify-${bits}-${engine.name}${isDefault ? ' (default)' : ''}, best of 5 batches`,
        value: Number(t.best.cpu.toFixed(3)),
        unit: 'ms cpu/verification',
        ...(isDefault ? { goal: `<= ${goal} ms`, ok: t.best.cpu <= goal } : {}),
      });
      if (isDefault) {
        results.push({ name: `proofd-verify-${bits}-${engine.name}, median batch`, value: Number(t.median.cpu.toFixed(3)), unit: 'ms cpu/verification' });
        results.push({ name: `proofd-verify-${bits}-${engine.name}, best batch`, value: Number(t.best.wall.toFixed(3)), unit: 'ms wall/verification' });
      }
    }
  }
  const pool = new ProofVerifierPool();
  try {
    for (const bits of [1024, 2048]) {
      const f = loadFixture(bits);
      const batch = Array.from({ length: pool.size * 8 }, () => f.poolArgs);
      // Warm-up grows every worker's tables to full size.
      for (let i = 0; i < 8; i++) await Promise.all(batch.map((a) => pool.verify(a)));
      let done = 0;
      const start = process.hrtime.bigint();
      const minMs = quick ? 300 : 2000;
      let elapsed = 0;
      while (elapsed < minMs) {
        const verdicts = await Promise.all(batch.map((a) => pool.verify(a)));
        if (verdicts.some((v) => !v)) throw new Error('pool rejected a valid proof');
        done += batch.length;
        elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      }
      results.push({ name: `proofd-verify-${bits}-pool-${pool.size}-workers`, value: Math.round((done * 1000) / elapsed), unit: 'verifications/s' });
    }
    results.push(...(await stallResults(pool, quick)));
  } finally {
    await pool.close();
  }
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchProofD();
  for (const r of results) {
    const goal = r.goal ? `  goal ${r.goal}: ${r.ok ? 'met' : 'NOT met'}` : '';
    console.log(`${r.name.padEnd(62)} ${String(r.value).padStart(10)} ${r.unit}${goal}`);
  }
}
