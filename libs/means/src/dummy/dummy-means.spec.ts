import { describe, expect, it } from 'vitest';
import { drawUpContract, findTemplate } from '#contract';
import { isNutshellError } from '#errors';
import { MemorySessionStore } from '#store';
import { readPresentation } from '../presentation/read-presentation.js';
import { MemoryProofKeys } from '../testing/memory-proof-keys.js';
import type { DummyVerifiablePresentation } from '../types/presentation.js';
import { DUMMY_SEAL_KID, DummyMeans } from './dummy-means.js';
import type { DummySessionRecord } from './dummy-session.js';

const VALID_FROM = new Date('2024-03-01T10:00:00Z');
const INSIDE = new Date('2024-03-01T10:30:00Z');

function contractText(name = 'CareBears', city = 'Caretown'): string {
  const template = findTemplate('NL', 'BehandelaarLogin', 'v3');
  if (template === undefined) throw new Error('template missing');
  return drawUpContract({ template, legalEntity: name, legalEntityCity: city, validFrom: VALID_FROM, validDuration: '1h' }).text;
}

function setup(options: { now?: () => number; keys?: MemoryProofKeys; skew?: number } = {}) {
  const store = new MemorySessionStore<DummySessionRecord>({ now: options.now, sweepIntervalMs: 0 });
  const keys = options.keys ?? new MemoryProofKeys();
  const means = new DummyMeans({ store, keys, clockSkewSeconds: options.skew ?? 5 });
  return { store, keys, means };
}

async function completedPresentation(means: DummyMeans, text = contractText()): Promise<DummyVerifiablePresentation> {
  const { sessionId } = await means.startSession(text, undefined);
  await means.sessionStatus(sessionId);
  await means.sessionStatus(sessionId);
  const done = await means.sessionStatus(sessionId);
  if (done?.status !== 'completed') throw new Error('session did not complete');
  return done.verifiablePresentation;
}

// A received copy, as JSON over the wire, optionally edited.
function received(vp: unknown, edit: (proof: Record<string, unknown>) => void = () => {}) {
  const copy = JSON.parse(JSON.stringify(vp)) as { proof: Record<string, unknown> };
  edit(copy.proof);
  return readPresentation(copy);
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('DummyMeans sessions', () => {
  it('starts sessions with 32 lower-case hex ids and a Nuts session pointer', async () => {
    const { means } = setup();
    const a = await means.startSession(contractText(), { ignored: true });
    const b = await means.startSession(contractText(), undefined);
    expect(a.sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.sessionPtr).toEqual({ sessionID: a.sessionId });
    expect(b.sessionId).not.toBe(a.sessionId);
  });

  it('advances created → in-progress → completed (with VP) → gone, one step per poll', async () => {
    const { means } = setup();
    const text = contractText();
    const { sessionId } = await means.startSession(text, undefined);
    expect(await means.sessionStatus(sessionId)).toEqual({ means: 'dummy', status: 'created' });
    expect(await means.sessionStatus(sessionId)).toEqual({ means: 'dummy', status: 'in-progress' });
    const done = await means.sessionStatus(sessionId);
    expect(done?.status).toBe('completed');
    expect(await means.sessionStatus(sessionId)).toBeUndefined();
    if (done?.status !== 'completed') return;
    const vp = done.verifiablePresentation;
    expect(vp['@context']).toEqual(['https://www.w3.org/2018/credentials/v1']);
    expect(vp.type).toEqual(['VerifiablePresentation', 'DummyVerifiablePresentation']);
    expect(vp.proof).toMatchObject({ Contract: text, Email: 'tester@example.com', FamilyName: 'Dummy', Initials: 'I', Prefix: 'von', Type: 'NoSignature' });
    expect(vp.proof.jws).toMatch(/^[\w-]+\.\.[\w-]+$/);
    expect(Object.keys(vp.proof)).toEqual(['Contract', 'Email', 'FamilyName', 'Initials', 'Prefix', 'Type', 'jws']);
  });

  it('answers undefined for unknown and malformed ids', async () => {
    const { means } = setup();
    expect(await means.sessionStatus('0'.repeat(32))).toBeUndefined();
    expect(await means.sessionStatus('not-an-id')).toBeUndefined();
  });

  it('lets abandoned sessions expire after the TTL', async () => {
    let now = 1_000_000;
    const { means } = setup({ now: () => now });
    const { sessionId } = await means.startSession(contractText(), undefined);
    expect((await means.sessionStatus(sessionId))?.status).toBe('created');
    now += 15 * 60 * 1000 + 1;
    expect(await means.sessionStatus(sessionId)).toBeUndefined();
  });

  it('seals the proof at start and hands out that seal on the completed poll', async () => {
    const { means, store } = setup();
    const text = contractText();
    const { sessionId } = await means.startSession(text, undefined);
    const stored = await store.get(sessionId);
    const jws = stored !== undefined && 'jws' in stored ? stored.jws : undefined;
    expect(jws).toMatch(/^[\w-]+\.\.[\w-]+$/);
    await means.sessionStatus(sessionId);
    await means.sessionStatus(sessionId);
    const done = await means.sessionStatus(sessionId);
    expect(done?.status === 'completed' && done.verifiablePresentation.proof.jws).toBe(jws);
    if (done?.status === 'completed') expect((await means.verify(received(done.verifiablePresentation), INSIDE)).validity).toBe(true);
  });

  it('seals on the completed poll a session stored without a seal (by an older node)', async () => {
    const { means, store } = setup();
    const text = contractText();
    const sessionId = 'ab'.repeat(16);
    await store.put(sessionId, { state: 'completed', contract: text }, 60);
    const done = await means.sessionStatus(sessionId);
    expect(done?.status).toBe('completed');
    if (done?.status !== 'completed') return;
    expect(done.verifiablePresentation.proof.jws).toMatch(/^[\w-]+\.\.[\w-]+$/);
    expect((await means.verify(received(done.verifiablePresentation), INSIDE)).validity).toBe(true);
  });

  it('creates the seal key once, on first use', async () => {
    const { means, keys } = setup();
    expect(await keys.has(DUMMY_SEAL_KID)).toBe(false);
    await Promise.all([completedPresentation(means), completedPresentation(means)]);
    expect(await keys.has(DUMMY_SEAL_KID)).toBe(true);
    expect(keys.created).toBe(1);
  });

  it('tolerates a key created concurrently by another instance', async () => {
    const keys = new MemoryProofKeys();
    const one = setup({ keys }).means;
    const two = setup({ keys }).means;
    const [a, b] = await Promise.all([completedPresentation(one), completedPresentation(two)]);
    expect(keys.created).toBe(1);
    expect((await one.verify(received(b), INSIDE)).validity).toBe(true);
    expect((await two.verify(received(a), INSIDE)).validity).toBe(true);
  });
});

describe('DummyMeans verification', () => {
  it('accepts its own presentation inside the contract period, with Nuts attributes and contract params', async () => {
    const { means } = setup();
    const vp = await completedPresentation(means);
    const result = await means.verify(received(vp), INSIDE);
    expect(result).toEqual({
      validity: true,
      vpType: 'DummyVerifiablePresentation',
      issuerAttributes: { initials: 'I', prefix: 'von', familyname: 'Dummy', email: 'tester@example.com', username: 'tester@example.com', assurance_level: 'low' },
      credentials: {
        legal_entity: 'CareBears',
        legal_entity_city: 'Caretown',
        valid_from: 'vrijdag, 1 maart 2024 11:00:00',
        valid_to: 'vrijdag, 1 maart 2024 12:00:00',
      },
    });
  });

  it.each([
    ['the organisation name in the contract', (p: Record<string, unknown>) => (p['Contract'] = String(p['Contract']).replace('CareBears', 'EvilBears'))],
    ['the end of the period', (p: Record<string, unknown>) => (p['Contract'] = String(p['Contract']).replace('12:00:00', '23:00:00'))],
    ['the family name', (p: Record<string, unknown>) => (p['FamilyName'] = 'Other')],
    ['the email', (p: Record<string, unknown>) => (p['Email'] = 'mallory@example.com')],
    ['the initials', (p: Record<string, unknown>) => (p['Initials'] = 'M')],
    ['the prefix', (p: Record<string, unknown>) => (p['Prefix'] = '')],
    ['the proof type', (p: Record<string, unknown>) => (p['Type'] = 'Signature')],
  ])('says validity false when %s was altered', async (_what, edit) => {
    const { means } = setup();
    const vp = await completedPresentation(means);
    const result = await means.verify(received(vp, edit), INSIDE);
    expect(result.validity).toBe(false);
  });

  it('says validity false without a seal, with a malformed seal, or with a seal of another node', async () => {
    const { means } = setup();
    const other = setup().means;
    const vp = await completedPresentation(means);
    const foreign = await completedPresentation(other);
    expect((await means.verify(received(vp, (p) => delete p['jws']), INSIDE)).validity).toBe(false);
    expect((await means.verify(received(vp, (p) => (p['jws'] = 'garbage')), INSIDE)).validity).toBe(false);
    expect((await means.verify(received(vp, (p) => (p['jws'] = foreign.proof.jws)), INSIDE)).validity).toBe(false);
    expect((await means.verify(received(foreign), INSIDE)).validity).toBe(false);
    const swappedPayload = String(vp.proof.jws).replace('..', '.e30.');
    expect((await means.verify(received(vp, (p) => (p['jws'] = swappedPayload)), INSIDE)).validity).toBe(false);
  });

  it('checks the contract period at checkTime with the configured skew', async () => {
    const { means } = setup({ skew: 5 });
    const vp = await completedPresentation(means);
    const at = async (iso: string) => (await means.verify(received(vp), new Date(iso))).validity;
    expect(await at('2024-03-01T09:59:54Z')).toBe(false);
    expect(await at('2024-03-01T09:59:56Z')).toBe(true);
    expect(await at('2024-03-01T11:00:04Z')).toBe(true);
    expect(await at('2024-03-01T11:00:06Z')).toBe(false);
    const expired = await means.verify(received(vp), new Date('2024-03-02T00:00:00Z'));
    expect(expired).toEqual({ validity: false, reason: 'invalid contract text: invalid period: contract is expired' });
  });

  it('reads proof keys case-insensitively, as Go does', async () => {
    const { means } = setup();
    const vp = await completedPresentation(means);
    const lower = received(vp, (p) => {
      for (const key of Object.keys(p)) {
        const value = p[key];
        delete p[key];
        p[key.toLowerCase()] = value;
      }
    });
    expect((await means.verify(lower, INSIDE)).validity).toBe(true);
  });

  it('uses the same (last) value for a key given twice in different case, so a decoy cannot pass the seal', async () => {
    const { means } = setup();
    const vp = await completedPresentation(means);
    const decoy = received(vp, (p) => (p['contract'] = String(p['Contract']).replace('CareBears', 'EvilBears')));
    expect((await means.verify(decoy, INSIDE)).validity).toBe(false);
  });

  it('throws (a 400) for a wrong number of proofs, a non-object proof, non-string fields and unparseable contracts', async () => {
    const { means } = setup();
    const vp = await completedPresentation(means);
    const two = readPresentation({ ...vp, proof: [vp.proof, vp.proof] });
    const none = readPresentation({ ...vp, proof: [] });
    const cases: [Promise<unknown>, string, RegExp][] = [
      [means.verify(two, INSIDE), 'PRESENTATION_INVALID', /^invalid number of proofs in Dummy proof: got 2, expected 1$/],
      [means.verify(none, INSIDE), 'PRESENTATION_INVALID', /got 0/],
      [means.verify(readPresentation({ ...vp, proof: 'x' }), INSIDE), 'PRESENTATION_INVALID', /expected a JSON object/],
      [means.verify(received(vp, (p) => (p['FamilyName'] = 7)), INSIDE), 'PRESENTATION_INVALID', /FamilyName must be a string/],
      [means.verify(received(vp, (p) => (p['Contract'] = 'hello')), INSIDE), 'CONTRACT_INVALID_TEXT', /could not extract contract version/],
      [means.verify(received(vp, (p) => (p['Contract'] = 'DE:Login:v1 x')), INSIDE), 'CONTRACT_UNKNOWN_TEMPLATE', /could not find contract template/],
    ];
    for (const [promise, code, detail] of cases) {
      const error = await thrown(promise);
      expect(isNutshellError(error) && error.code).toBe(code);
      expect(isNutshellError(error) && error.status).toBe(400);
      expect(isNutshellError(error) ? error.detail : '').toMatch(detail);
    }
  });
});
