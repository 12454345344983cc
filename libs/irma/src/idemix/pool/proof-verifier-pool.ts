import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NutshellError } from '#errors';
import type { ProofListVerdict } from '../../revocation/verify-proof-list.js';
import type { VerifyArgs, VerifyReply } from './messages.js';

/** Options of a ProofVerifierPool. */
export interface ProofVerifierPoolOptions {
  /** Number of worker threads; defaults to the number of cores. */
  readonly size?: number;
  /** Verifications queued or running before `verify` refuses with UNAVAILABLE (default 4096). */
  readonly maxPending?: number;
  /** Worker script; defaults to the compiled worker.js next to this module (or under dist/ when run from source). */
  readonly workerUrl?: URL;
}

interface Pending {
  readonly resolve: (v: ProofListVerdict) => void;
  readonly reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  readonly pending: Map<number, Pending>;
}

/** Locates the compiled worker: beside this file when compiled, under dist/ when this file is TypeScript source. */
export function defaultWorkerUrl(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const fromSource = new URL('../../../../../dist/libs/irma/src/idemix/pool/worker.js', import.meta.url);
  if (existsSync(fileURLToPath(fromSource))) return fromSource;
  throw new NutshellError('INTERNAL', 'proof verifier worker is not built (run npm run build)');
}

/**
 * Verifies proof lists on worker threads so that the exponentiations never block the event loop.
 * Each worker keeps its own per-key caches; tasks go to the worker with the fewest in flight.
 */
export class ProofVerifierPool {
  /** Number of workers. */
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly workerUrl: URL;
  private readonly maxPending: number;
  private nextId = 1;
  private closed = false;

  constructor(options: ProofVerifierPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
    this.workerUrl = options.workerUrl ?? defaultWorkerUrl();
    this.maxPending = Math.max(1, Math.floor(options.maxPending ?? 4096));
    for (let i = 0; i < this.size; i++) this.slots.push({ worker: this.spawn(i), pending: new Map() });
  }

  private spawn(index: number): Worker {
    // Workers run compiled JavaScript: do not inherit flags such as `--conditions source` from a test runner.
    const worker = new Worker(this.workerUrl, { execArgv: [] });
    worker.unref();
    worker.on('message', (reply: VerifyReply) => this.onReply(index, reply));
    worker.on('error', () => this.onCrash(index));
    worker.on('exit', () => this.onCrash(index));
    return worker;
  }

  private onReply(index: number, reply: VerifyReply): void {
    const slot = this.slots[index]!;
    const p = slot.pending.get(reply.id);
    if (!p) return;
    slot.pending.delete(reply.id);
    if (slot.pending.size === 0) slot.worker.unref();
    if (reply.ok) p.resolve(reply.verdict);
    else p.reject(new NutshellError(reply.code, reply.detail));
  }

  private onCrash(index: number): void {
    const slot = this.slots[index];
    if (!slot) return;
    const err = new NutshellError('INTERNAL', 'proof verifier worker stopped');
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
    if (!this.closed) {
      slot.worker.removeAllListeners();
      slot.worker = this.spawn(index);
    }
  }

  /** Verifications queued or running. */
  get pending(): number {
    return this.slots.reduce((sum, s) => sum + s.pending.size, 0);
  }

  /** Verifies one proof list off the main thread: `verifyList` reduced to valid or not. */
  async verify(args: VerifyArgs): Promise<boolean> {
    return (await this.verifyList(args)).ok;
  }

  /**
   * Verifies one proof list, nonrevocation proofs included, off the main thread (what `verifyRevocableProofList`
   * answers in-thread); rejects with a NutshellError on malformed input, and with UNAVAILABLE when the pool is
   * closed or already holds `maxPending` verifications (backpressure).
   */
  verifyList(args: VerifyArgs): Promise<ProofListVerdict> {
    if (this.closed) return Promise.reject(new NutshellError('UNAVAILABLE', 'proof verifier pool is closed'));
    if (this.pending >= this.maxPending) return Promise.reject(new NutshellError('UNAVAILABLE', 'proof verifier pool is saturated'));
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < best.pending.size) best = s;
    const id = this.nextId++;
    return new Promise<ProofListVerdict>((resolve, reject) => {
      best.pending.set(id, { resolve, reject });
      best.worker.ref();
      best.worker.postMessage({ id, args });
    });
  }

  /** Stops all workers; verifications still in flight are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = new NutshellError('UNAVAILABLE', 'proof verifier pool is closed');
    await Promise.all(
      this.slots.map(async (s) => {
        for (const p of s.pending.values()) p.reject(err);
        s.pending.clear();
        s.worker.removeAllListeners();
        await s.worker.terminate();
      }),
    );
  }
}
