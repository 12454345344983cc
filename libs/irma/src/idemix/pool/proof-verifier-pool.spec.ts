import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import { buildProofVerifierWorker } from '../testing/build-worker.js';
import { loadVectorFile, proofListCase } from '../testing/vector-fixtures.js';
import type { VerifyArgs } from './messages.js';
import { ProofVerifierPool } from './proof-verifier-pool.js';
import { runVerifyTask } from './verify-task.js';
import { serializePublicKey } from './serialize-key.js';

function argsFor(bits: 1024 | 2048, name: string): VerifyArgs {
  const f = loadVectorFile(bits, 'disclosure');
  const c = proofListCase(f, name);
  return {
    proofList: c.proofList,
    keys: c.publicKeyIds.map((id) => serializePublicKey(f.keys.get(id)!)),
    context: c.context,
    nonce: c.nonce,
    issig: c.issig,
  };
}

describe('runVerifyTask (what each worker runs)', () => {
  it('answers verdicts and turns malformed input into error replies', () => {
    const valid = argsFor(1024, 'valid-disclose-1-2-context1');
    expect(runVerifyTask(1, valid)).toEqual({ id: 1, ok: true, verdict: { ok: true, accumulators: new Map() } });
    expect(runVerifyTask(2, argsFor(1024, 'tampered-c'))).toEqual({ id: 2, ok: true, verdict: { ok: false, failure: 'proof-list-invalid' } });
    expect(runVerifyTask(3, { ...valid, proofList: [{ c: 5 }] })).toMatchObject({ id: 3, ok: false, code: 'IRMA_MALFORMED_INPUT' });
    expect(runVerifyTask(4, { ...valid, nonce: 'abc' })).toMatchObject({ id: 4, ok: false, code: 'INVALID_INPUT' });
    expect(runVerifyTask(5, { ...valid, keys: [{ ...valid.keys[0]!, n: 'x' }] })).toMatchObject({ id: 5, ok: false, code: 'INVALID_INPUT' });
    expect(runVerifyTask(6, { ...valid, revocationIndices: ['1' as unknown as number] })).toMatchObject({ id: 6, ok: false, code: 'INVALID_INPUT' });
  });
});

describe('ProofVerifierPool', () => {
  let pool: ProofVerifierPool;

  beforeAll(() => {
    buildProofVerifierWorker();
    pool = new ProofVerifierPool({ size: 2 });
  }, 120_000);

  afterAll(async () => {
    await pool.close();
  });

  it('verifies valid and tampered proof lists of both key sizes', async () => {
    const cases: [1024 | 2048, string, boolean][] = [
      [1024, 'valid-disclose-1-2-context1', true],
      [1024, 'valid-disclose-all', true],
      [1024, 'tampered-v_response', false],
      [1024, 'wrong-nonce', false],
      [2048, 'valid-disclose-1-3-5-randomcontext', true],
      [2048, 'tampered-a_disclosed-2', false],
    ];
    const verdicts = await Promise.all(cases.map(([bits, name]) => pool.verify(argsFor(bits, name))));
    expect(verdicts).toEqual(cases.map(([, , expected]) => expected));
  });

  it('spreads many concurrent verifications over the workers and keeps every verdict in place', async () => {
    const valid = argsFor(1024, 'valid-disclose-1-2-context1');
    const bad = argsFor(1024, 'tampered-c');
    const inputs = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? bad : valid));
    const verdicts = await Promise.all(inputs.map((a) => pool.verify(a)));
    expect(verdicts).toEqual(inputs.map((a) => a === valid));
  });

  it('rejects malformed input with the NutshellError of the parser', async () => {
    const valid = argsFor(1024, 'valid-disclose-1-2-context1');
    await expect(pool.verify({ ...valid, proofList: 'nope' })).rejects.toMatchObject({ name: 'NutshellError', code: 'IRMA_MALFORMED_INPUT' });
    // The pool is still usable afterwards.
    await expect(pool.verify(valid)).resolves.toBe(true);
  });

  it('does not block the event loop while verifying', async () => {
    const valid = argsFor(2048, 'valid-disclose-1-2-context1');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all(Array.from({ length: 20 }, () => pool.verify(valid)));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses work beyond maxPending with UNAVAILABLE and recovers once drained', async () => {
    const small = new ProofVerifierPool({ size: 1, maxPending: 2 });
    try {
      const valid = argsFor(1024, 'valid-disclose-1-2-context1');
      const first = [small.verify(valid), small.verify(valid)];
      expect(small.pending).toBe(2);
      await expect(small.verify(valid)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      expect(await Promise.all(first)).toEqual([true, true]);
      expect(small.pending).toBe(0);
      await expect(small.verify(valid)).resolves.toBe(true);
    } finally {
      await small.close();
    }
  });

  it('rejects work after close()', async () => {
    const p = new ProofVerifierPool({ size: 1 });
    await p.close();
    await expect(p.verify(argsFor(1024, 'valid-disclose-1-2-context1'))).rejects.toBeInstanceOf(NutshellError);
  });
});
