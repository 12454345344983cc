import { describe, expect, it } from 'vitest';
import { drawUpContract, findTemplate } from '#contract';
import { isNutshellError } from '#errors';
import { MemorySessionStore } from '#store';
import { DummyMeans } from '../dummy/dummy-means.js';
import type { DummySessionRecord } from '../dummy/dummy-session.js';
import { MemoryProofKeys } from '../testing/memory-proof-keys.js';
import type { Means } from '../types/means.js';
import type { ReceivedPresentation } from '../types/presentation.js';
import type { VerificationResult } from '../types/verification.js';
import { createMeansRegistry } from './create-means-registry.js';
import { MeansRegistry } from './means-registry.js';

const template = findTemplate('EN', 'PractitionerLogin', 'v3');
if (template === undefined) throw new Error('template missing');
const now = new Date();
const text = drawUpContract({ template, legalEntity: 'Acme', legalEntityCity: 'Gotham', now }).text;

const dummyFactory = () =>
  new DummyMeans({ store: new MemorySessionStore<DummySessionRecord>({ sweepIntervalMs: 0 }), keys: new MemoryProofKeys(), clockSkewSeconds: 5 });

/** A second means that knows exactly one session and records what it was asked to verify. */
class RecordingMeans implements Means {
  readonly name = 'recording';
  readonly presentationType = 'RecordingPresentation';
  readonly verified: ReceivedPresentation[] = [];
  async startSession(): Promise<never> {
    throw new Error('not used');
  }
  async sessionStatus(id: string) {
    return id === 'known-to-recording' ? ({ means: 'dummy', status: 'created' } as const) : undefined;
  }
  async verify(presentation: ReceivedPresentation): Promise<VerificationResult> {
    this.verified.push(presentation);
    return { validity: false, reason: 'recorded' };
  }
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; status: number; detail: string }> {
  try {
    await promise;
  } catch (error) {
    if (isNutshellError(error)) return { code: error.code, status: error.status, detail: error.detail };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createMeansRegistry', () => {
  it('registers configured means case-insensitively and reports names without implementation', () => {
    const built = createMeansRegistry({ means: ['Dummy', 'irma'], strictMode: false }, { dummy: dummyFactory });
    expect(built.registry.names).toEqual(['dummy']);
    expect(built.unavailable).toEqual(['irma']);
    expect(built.refused).toEqual([]);
  });

  it('refuses dummy in strict mode: starting says "unknown signing means" (MEANS_DISABLED, 400)', async () => {
    const built = createMeansRegistry({ means: ['dummy'], strictMode: true }, { dummy: dummyFactory });
    expect(built.registry.names).toEqual([]);
    expect(built.refused).toEqual(['dummy']);
    expect(await failure(built.registry.startSession('dummy', text, {}))).toEqual({
      code: 'MEANS_DISABLED',
      status: 400,
      detail: 'unable to create sign challenge: unknown signing means',
    });
  });

  it('refuses dummy presentations in strict mode as an unknown type', async () => {
    const { registry } = createMeansRegistry({ means: ['dummy'], strictMode: true }, { dummy: dummyFactory });
    const vp = { type: ['VerifiablePresentation', 'DummyVerifiablePresentation'], proof: {} };
    expect(await failure(registry.verify(vp, now))).toEqual({
      code: 'PRESENTATION_UNKNOWN_TYPE',
      status: 400,
      detail: 'unable to verify the verifiable presentation: unknown VerifiablePresentation type: DummyVerifiablePresentation',
    });
  });
});

describe('MeansRegistry.startSession', () => {
  const { registry } = createMeansRegistry({ means: ['dummy'], strictMode: false }, { dummy: dummyFactory });

  it('starts a dummy session and echoes the means', async () => {
    const started = await registry.startSession('dummy', text, undefined);
    expect(started.means).toBe('dummy');
    expect(started.sessionPtr).toEqual({ sessionID: started.sessionID });
    expect((await registry.sessionStatus(started.sessionID)).status).toBe('created');
  });

  it.each([
    ['an empty payload', 'dummy', '', 'INVALID_INPUT', 'unable to create sign challenge: can not sign an empty message'],
    ['an unknown means', 'uzi', text, 'MEANS_UNKNOWN', 'unable to create sign challenge: unknown signing means'],
    ['a means in the wrong case', 'Dummy', text, 'MEANS_UNKNOWN', 'unable to create sign challenge: unknown signing means'],
    ['a text without prefix', 'dummy', 'hello', 'CONTRACT_INVALID_TEXT', 'unable to create sign challenge: invalid contract text: could not extract contract version, language and type'],
    ['base64 instead of the text', 'dummy', Buffer.from(text).toString('base64'), 'CONTRACT_INVALID_TEXT', 'unable to create sign challenge: invalid contract text: could not extract contract version, language and type'],
  ])('refuses %s with 400 and the Nuts text', async (_what, means, payload, code, detail) => {
    expect(await failure(registry.startSession(means, payload, {}))).toEqual({ code, status: 400, detail });
  });

  it('does not check the contract period at start (as Nuts)', async () => {
    const old = drawUpContract({ template, legalEntity: 'Acme', legalEntityCity: 'Gotham', validFrom: '2001-01-01T00:00:00Z' }).text;
    await expect(registry.startSession('dummy', old, {})).resolves.toMatchObject({ means: 'dummy' });
  });
});

describe('MeansRegistry.sessionStatus', () => {
  it('asks every means in turn and answers 404 with the Nuts text when none knows the session', async () => {
    const recording = new RecordingMeans();
    const registry = new MeansRegistry([dummyFactory(), recording]);
    expect(await registry.sessionStatus('known-to-recording')).toEqual({ means: 'dummy', status: 'created' });
    expect(await failure(registry.sessionStatus('abc'))).toEqual({
      code: 'SESSION_NOT_FOUND',
      status: 404,
      detail: 'failed to get session status for abc, reason: session not found',
    });
    expect((await failure(registry.sessionStatus('<script>'))).detail).toBe('failed to get session status for <invalid id>, reason: session not found');
  });
});

describe('MeansRegistry.verify dispatch', () => {
  const recording = new RecordingMeans();
  const registry = new MeansRegistry([dummyFactory(), recording]);

  it('dispatches on the one custom type, given as list or single string', async () => {
    expect(await registry.verify({ type: ['VerifiablePresentation', 'RecordingPresentation'], proof: { a: 1 } }, now)).toEqual({ validity: false, reason: 'recorded' });
    expect(await registry.verify({ type: 'RecordingPresentation', proof: [{ b: 2 }, { c: 3 }] }, now)).toEqual({ validity: false, reason: 'recorded' });
    expect(recording.verified.map((p) => p.proofs)).toEqual([[{ a: 1 }], [{ b: 2 }, { c: 3 }]]);
    expect(recording.verified.map((p) => p.customType)).toEqual(['RecordingPresentation', 'RecordingPresentation']);
  });

  it.each([
    [{ type: ['VerifiablePresentation'] }],
    [{ type: ['VerifiablePresentation', 'RecordingPresentation', 'DummyVerifiablePresentation'] }],
    [{}],
  ])('needs exactly one custom type: %j', async (vp) => {
    expect(await failure(registry.verify(vp, now))).toEqual({
      code: 'PRESENTATION_INVALID',
      status: 400,
      detail: 'unable to verify the verifiable presentation: unprocessable VerifiablePresentation, exactly 1 custom type is expected',
    });
  });

  it('refuses unknown types, non-objects and JWT presentations with 400', async () => {
    expect((await failure(registry.verify({ type: 'NutsUziPresentation' }, now))).detail).toBe(
      'unable to verify the verifiable presentation: unknown VerifiablePresentation type: NutsUziPresentation',
    );
    expect((await failure(registry.verify({ type: 'Name With Spaces' }, now))).detail).toBe(
      'unable to verify the verifiable presentation: unknown VerifiablePresentation type: <omitted>',
    );
    expect((await failure(registry.verify([1], now))).status).toBe(400);
    expect((await failure(registry.verify('eyJhbGciOiJFUzI1NiJ9.e30.sig', now))).status).toBe(400);
    expect((await failure(registry.verify({ type: [1, 2] }, now))).status).toBe(400);
  });

  it('prefixes errors of the means with the Nuts text', async () => {
    const vp = { type: ['VerifiablePresentation', 'DummyVerifiablePresentation'], proof: [] };
    expect(await failure(registry.verify(vp, now))).toEqual({
      code: 'PRESENTATION_INVALID',
      status: 400,
      detail: 'unable to verify the verifiable presentation: invalid number of proofs in Dummy proof: got 0, expected 1',
    });
  });
});
