import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySessionStore } from '#store';
import { IrmaSessionEngine } from './engine.js';
import type { StoredSession } from './stored-session.js';
import { FakeProofVerifier, validProof } from './testing/fake-proof-verifier.js';
import type { SessionStatus } from './status.js';

const disclosure = { '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[['irma-demo.MijnOverheid.root.BSN']]] };
const signature = { '@context': 'https://irma.app/ld/request/signature/v2', message: 'I agree', disclose: [[['irma-demo.MijnOverheid.root.BSN']]] };
const app = { minProtocolVersion: '2.4', maxProtocolVersion: '2.9', authorization: 'AppAuthorization0123' };
const proofs = { proofs: [{}], indices: [[{ cred: 0, attr: 2 }]] };
const MINUTE = 60_000;

function ctOf(u: string): string {
  return u.slice(u.lastIndexOf('/') + 1);
}

describe('IrmaSessionEngine', () => {
  let now: number;
  let store: MemorySessionStore<StoredSession>;
  let verifier: FakeProofVerifier;
  let engine: IrmaSessionEngine;

  beforeEach(() => {
    now = Date.UTC(2026, 0, 1);
    store = new MemorySessionStore<StoredSession>({ now: () => now, sweepIntervalMs: 0 });
    verifier = new FakeProofVerifier(validProof('irma-demo.MijnOverheid.root.BSN', '999999990'));
    engine = new IrmaSessionEngine({ store, verifier, urlPrefix: 'http://localhost:1323/irma/', clock: () => now, sweepIntervalMs: 0 });
  });
  afterEach(async () => {
    await engine.close();
    await store.close();
  });

  async function start(request: unknown = disclosure) {
    const pkg = await engine.startSession(request);
    return { ...pkg, ct: ctOf(pkg.sessionPtr.u) };
  }

  describe('starting', () => {
    it('returns the session package of §3.1', async () => {
      const pkg = await start();
      expect(pkg.sessionPtr.u).toMatch(/^http:\/\/localhost:1323\/irma\/session\/[a-zA-Z0-9]{20}$/);
      expect(pkg.sessionPtr.irmaqr).toBe('disclosing');
      expect(pkg.token).toMatch(/^[a-zA-Z0-9]{20}$/);
      expect(pkg.token).not.toBe(pkg.ct);
      expect(pkg.frontendRequest).toEqual({
        authorization: expect.stringMatching(/^[a-zA-Z0-9]{20}$/),
        minProtocolVersion: '1.0',
        maxProtocolVersion: '1.1',
      });
      expect(await engine.status(pkg.token)).toBe('INITIALIZED');
      expect(await engine.result(pkg.token)).toEqual({ token: pkg.token, status: 'INITIALIZED', type: 'disclosing' });
    });

    it('hints pairing for signatures and replaces the host when the request names one', async () => {
      const signing = await start(signature);
      expect(signing.frontendRequest.pairingHint).toBe(true);
      expect(signing.sessionPtr.irmaqr).toBe('signing');
      const hosted = await start({ ...disclosure, host: 'irma.example.com' });
      expect(hosted.sessionPtr.u).toMatch(/^http:\/\/irma\.example\.com\/irma\/session\//);
    });

    it('refuses issuance, callbacks, chaining and malformed requests', async () => {
      const issuance = { '@context': 'https://irma.app/ld/request/issuance/v2', credentials: [{ credential: 'a.b.c', attributes: {} }] };
      await expect(engine.startSession(issuance)).rejects.toMatchObject({ code: 'IRMA_ISSUING_DISABLED' });
      await expect(engine.startSession({ callbackUrl: 'https://x/cb', request: disclosure })).rejects.toMatchObject({ code: 'IRMA_UNSUPPORTED' });
      await expect(engine.startSession({ nextSession: { url: 'https://x' }, request: disclosure })).rejects.toMatchObject({ code: 'IRMA_UNSUPPORTED' });
      await expect(engine.startSession({ '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [] })).rejects.toMatchObject({
        code: 'IRMA_MALFORMED_VERIFIER_REQUEST',
      });
    });

    it('tells unknown sessions from malformed tokens', async () => {
      await expect(engine.status('abcdefghijABCDEFGHIJ')).rejects.toMatchObject({ code: 'IRMA_SESSION_UNKNOWN' });
      await expect(engine.status('nope')).rejects.toMatchObject({ code: 'IRMA_INVALID_REQUEST' });
      await expect(engine.clientStatus('abcdefghijABCDEFGHIJ')).rejects.toMatchObject({ code: 'IRMA_SESSION_UNKNOWN' });
    });
  });

  describe('a disclosure without pairing', () => {
    it('runs INITIALIZED → CONNECTED → DONE and reports the disclosed attributes', async () => {
      const { ct, token } = await start();
      const first = (await engine.getClientRequest(ct, app)) as Record<string, unknown>;
      expect(first).toMatchObject({
        '@context': 'https://irma.app/ld/request/client/v1',
        protocolVersion: '2.8',
        options: { '@context': 'https://irma.app/ld/options/v1', pairingMethod: 'none' },
        request: {
          '@context': 'https://irma.app/ld/request/disclosure/v2',
          context: 'AQ==',
          protocolVersion: '2.8',
          devMode: true,
          disclose: [[['irma-demo.MijnOverheid.root.BSN']]],
        },
      });
      const nonce = (first.request as Record<string, string>).nonce!;
      expect(Buffer.from(nonce, 'base64').length).toBeGreaterThanOrEqual(14);
      expect(await engine.status(token)).toBe('CONNECTED');

      expect(await engine.postProofs(ct, app, proofs)).toEqual({ proofStatus: 'VALID' });
      expect(verifier.seen[0]?.request.nonce).toBe(BigInt(`0x${Buffer.from(nonce, 'base64').toString('hex')}`));
      expect(await engine.result(token)).toEqual({
        token,
        status: 'DONE',
        type: 'disclosing',
        proofStatus: 'VALID',
        disclosed: validProof('irma-demo.MijnOverheid.root.BSN', '999999990').disclosed,
      });
    });

    it('answers a retried first GET from the cache, but not once the state moved on', async () => {
      const { ct, token } = await start();
      const first = await engine.getClientRequest(ct, app);
      expect(await engine.getClientRequest(ct, app)).toEqual(first);
      now += 11_000;
      await expect(engine.getClientRequest(ct, app)).rejects.toMatchObject({ code: 'IRMA_UNEXPECTED_REQUEST', detail: 'Session already started' });
      expect(await engine.status(token)).toBe('CONNECTED');
    });

    it('answers a retried POST /proofs from the cache', async () => {
      const { ct } = await start();
      await engine.getClientRequest(ct, app);
      const response = await engine.postProofs(ct, app, proofs);
      expect(await engine.postProofs(ct, app, proofs)).toEqual(response);
      expect(verifier.seen).toHaveLength(1);
      await expect(engine.postProofs(ct, app, { proofs: [{ other: 1 }] })).rejects.toMatchObject({ code: 'IRMA_UNEXPECTED_REQUEST' });
    });

    it('gives two racing identical POST /proofs the same answer', async () => {
      const { ct, token } = await start();
      await engine.getClientRequest(ct, app);
      const answers = await Promise.all([engine.postProofs(ct, app, proofs), engine.postProofs(ct, app, proofs)]);
      expect(answers).toEqual([{ proofStatus: 'VALID' }, { proofStatus: 'VALID' }]);
      expect(await engine.status(token)).toBe('DONE');
    });

    it('ends in DONE with a bad proof status rather than cancelling', async () => {
      const { ct, token } = await start();
      await engine.getClientRequest(ct, app);
      verifier.verdict = { kind: 'result', proof: { proofStatus: 'MISSING_ATTRIBUTES', disclosed: [null] } };
      expect(await engine.postProofs(ct, app, proofs)).toEqual({ proofStatus: 'MISSING_ATTRIBUTES' });
      expect(await engine.result(token)).toMatchObject({ status: 'DONE', proofStatus: 'MISSING_ATTRIBUTES' });
    });

    it('keeps the session on unparsable proofs, and cancels on verifier failures', async () => {
      const { ct, token } = await start();
      await engine.getClientRequest(ct, app);
      await expect(engine.postProofs(ct, app, 'garbage')).rejects.toMatchObject({ code: 'IRMA_MALFORMED_INPUT' });
      await expect(engine.postProofs(ct, app, { nothing: true })).rejects.toMatchObject({ code: 'IRMA_MALFORMED_INPUT' });
      expect(await engine.status(token)).toBe('CONNECTED');
      verifier.verdict = { kind: 'throw', error: new Error('boom with secrets') };
      await expect(engine.postProofs(ct, app, proofs)).rejects.toMatchObject({ code: 'IRMA_EXCEPTION' });
      const result = await engine.result(token);
      expect(result).toMatchObject({ status: 'CANCELLED', error: { status: 500, error: 'EXCEPTION' } });
      expect(JSON.stringify(result)).not.toContain('secrets');
    });

    it('cancels on an unknown public key with a 403', async () => {
      const { ct, token } = await start();
      await engine.getClientRequest(ct, app);
      const { NutshellError } = await import('#errors');
      verifier.verdict = { kind: 'throw', error: new NutshellError('IRMA_UNKNOWN_PUBLIC_KEY', 'irma-demo.MijnOverheid-9') };
      await expect(engine.postProofs(ct, app, proofs)).rejects.toMatchObject({ code: 'IRMA_UNKNOWN_PUBLIC_KEY' });
      expect(await engine.result(token)).toMatchObject({ status: 'CANCELLED', error: { status: 403, error: 'UNKNOWN_PUBLIC_KEY' } });
    });

    it('binds the client authorization of the first GET', async () => {
      const { ct } = await start();
      await engine.getClientRequest(ct, app);
      await expect(engine.postProofs(ct, { authorization: 'SomeoneElse012345678' }, proofs)).rejects.toMatchObject({
        code: 'IRMA_SESSION_UNAUTHORIZED',
      });
      await expect(engine.postProofs(ct, {}, proofs)).rejects.toMatchObject({ code: 'IRMA_SESSION_UNAUTHORIZED' });
    });

    it('refuses proofs before the app connected', async () => {
      const { ct } = await start();
      await expect(engine.postProofs(ct, app, proofs)).rejects.toMatchObject({ code: 'IRMA_UNEXPECTED_REQUEST' });
    });
  });

  describe('version negotiation and authorization at the first GET', () => {
    it('leaves the session alone when the version headers are missing', async () => {
      const { ct, token } = await start();
      await expect(engine.getClientRequest(ct, { authorization: app.authorization })).rejects.toMatchObject({ code: 'IRMA_MALFORMED_INPUT' });
      expect(await engine.status(token)).toBe('INITIALIZED');
    });

    it('cancels when no version overlaps', async () => {
      const { ct, token } = await start();
      await expect(engine.getClientRequest(ct, { ...app, maxProtocolVersion: '2.7' })).rejects.toMatchObject({ code: 'IRMA_PROTOCOL_VERSION' });
      expect(await engine.result(token)).toMatchObject({ status: 'CANCELLED', error: { error: 'PROTOCOL_VERSION', status: 400 } });
    });

    it('cancels when the app sends no authorization', async () => {
      const { ct, token } = await start();
      await expect(engine.getClientRequest(ct, { ...app, authorization: undefined })).rejects.toMatchObject({ code: 'IRMA_SESSION_UNAUTHORIZED' });
      expect(await engine.status(token)).toBe('CANCELLED');
    });

    it('enforces the host the request named', async () => {
      const { ct } = await start({ ...disclosure, host: 'irma.example.com' });
      await expect(engine.getClientRequest(ct, { ...app, host: 'evil.example.com' })).rejects.toMatchObject({ code: 'IRMA_SESSION_UNAUTHORIZED' });
      expect(await engine.getClientRequest(ct, { ...app, host: 'irma.example.com' })).toMatchObject({ protocolVersion: '2.8' });
    });
  });

  describe('pairing (§5.9)', () => {
    it('holds the request back until the frontend confirms the code', async () => {
      const { ct, token, frontendRequest } = await start(signature);
      const frontend = { authorization: frontendRequest.authorization };
      const options = (await engine.setFrontendOptions(ct, frontend, {
        '@context': 'https://irma.app/ld/request/frontendoptions/v1',
        pairingMethod: 'pin',
      })) as Record<string, string>;
      expect(options).toEqual({ '@context': 'https://irma.app/ld/options/v1', pairingMethod: 'pin', pairingCode: expect.stringMatching(/^\d{4}$/) });

      const first = (await engine.getClientRequest(ct, app)) as Record<string, unknown>;
      expect(first.options).toEqual(options);
      expect(first).not.toHaveProperty('request');
      expect(await engine.frontendStatus(ct, frontend)).toEqual({ status: 'PAIRING' });
      await expect(engine.getPairedRequest(ct, app)).rejects.toMatchObject({ code: 'IRMA_PAIRING_REQUIRED' });
      await expect(engine.postProofs(ct, app, { signature: [] })).rejects.toMatchObject({ code: 'IRMA_PAIRING_REQUIRED' });

      await engine.pairingCompleted(ct, frontend);
      expect(await engine.status(token)).toBe('CONNECTED');
      expect(await engine.getPairedRequest(ct, app)).toMatchObject({ '@context': 'https://irma.app/ld/request/signature/v2', message: 'I agree' });
      const signed = { '@context': 'https://irma.app/ld/signature/v2', signature: [{}], indices: [], nonce: 'x', context: 'AQ==', message: 'I agree' };
      await engine.postProofs(ct, app, signed);
      expect(await engine.result(token)).toMatchObject({ status: 'DONE', type: 'signing', signature: signed });
    });

    it('guards the frontend endpoints with the frontend authorization', async () => {
      const { ct } = await start();
      const options = { '@context': 'https://irma.app/ld/request/frontendoptions/v1', pairingMethod: 'pin' };
      await expect(engine.setFrontendOptions(ct, { authorization: 'wrong' }, options)).rejects.toMatchObject({ code: 'IRMA_SESSION_UNAUTHORIZED' });
      await expect(engine.frontendStatus(ct, {})).rejects.toMatchObject({ code: 'IRMA_SESSION_UNAUTHORIZED' });
    });

    it('validates frontend options and refuses them after the app connected', async () => {
      const { ct, frontendRequest } = await start();
      const frontend = { authorization: frontendRequest.authorization };
      await expect(engine.setFrontendOptions(ct, frontend, { pairingMethod: 'pin' })).rejects.toMatchObject({ code: 'IRMA_MALFORMED_INPUT' });
      const context = 'https://irma.app/ld/request/frontendoptions/v1';
      await expect(engine.setFrontendOptions(ct, frontend, { '@context': context, pairingMethod: 'sms' })).rejects.toMatchObject({
        code: 'IRMA_UNEXPECTED_REQUEST',
      });
      expect(await engine.setFrontendOptions(ct, frontend, { '@context': context })).toEqual({
        '@context': 'https://irma.app/ld/options/v1',
        pairingMethod: 'none',
      });
      await expect(engine.pairingCompleted(ct, frontend)).rejects.toMatchObject({ code: 'IRMA_UNEXPECTED_REQUEST', detail: 'Pairing was not enabled' });
      await engine.getClientRequest(ct, app);
      await expect(engine.setFrontendOptions(ct, frontend, { '@context': context, pairingMethod: 'pin' })).rejects.toMatchObject({
        code: 'IRMA_UNEXPECTED_REQUEST',
      });
    });
  });

  describe('cancelling', () => {
    it('cancels from the requestor and the app, and is a no-op once finished', async () => {
      const a = await start();
      await engine.cancel(a.token);
      expect(await engine.result(a.token)).toEqual({ token: a.token, status: 'CANCELLED', type: 'disclosing' });
      await engine.cancel(a.token);
      expect(await engine.status(a.token)).toBe('CANCELLED');

      const b = await start();
      await engine.getClientRequest(b.ct, app);
      await engine.postProofs(b.ct, app, proofs);
      await engine.cancelByClientToken(b.ct, {});
      expect(await engine.status(b.token)).toBe('DONE');
    });
  });

  describe('lifetimes (§7.3)', () => {
    it('times out an unconnected session after 15 minutes', async () => {
      const { token } = await start();
      now += 15 * MINUTE - 1;
      expect(await engine.status(token)).toBe('INITIALIZED');
      now += 1;
      expect(await engine.status(token)).toBe('TIMEOUT');
      expect(await engine.result(token)).toEqual({ token, status: 'TIMEOUT', type: 'disclosing' });
    });

    it('honours the request timeout while waiting for the app only', async () => {
      const { token, ct } = await start({ timeout: 30, request: disclosure });
      now += 29_000;
      await engine.getClientRequest(ct, app);
      now += 60_000;
      expect(await engine.status(token)).toBe('CONNECTED');
      const other = await start({ timeout: 30, request: disclosure });
      now += 30_000;
      expect(await engine.status(other.token)).toBe('TIMEOUT');
    });

    it('gives a connected session another 15 minutes from its last app activity', async () => {
      const { ct, token } = await start();
      now += 14 * MINUTE;
      await engine.getClientRequest(ct, app);
      now += 14 * MINUTE;
      expect(await engine.status(token)).toBe('CONNECTED');
      now += MINUTE;
      expect(await engine.status(token)).toBe('TIMEOUT');
      await expect(engine.postProofs(ct, app, proofs)).rejects.toMatchObject({ code: 'IRMA_UNEXPECTED_REQUEST' });
    });

    it('keeps a result 5 minutes after the session ended, then forgets it', async () => {
      const { ct, token } = await start();
      now += 10 * MINUTE;
      await engine.getClientRequest(ct, app);
      await engine.postProofs(ct, app, proofs);
      now += 5 * MINUTE - 1;
      expect(await engine.status(token)).toBe('DONE');
      now += 1;
      await expect(engine.result(token)).rejects.toMatchObject({ code: 'IRMA_SESSION_UNKNOWN' });
      await expect(engine.clientStatus(ct)).rejects.toMatchObject({ code: 'IRMA_SESSION_UNKNOWN' });
    });

    it('sweeps overdue sessions into TIMEOUT and tells watchers', async () => {
      const { ct, token } = await start();
      const seen: SessionStatus[] = [];
      const stop = await engine.watch(ct, (status) => seen.push(status));
      now += 16 * MINUTE;
      expect(await engine.sweep()).toBe(1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen).toEqual(['TIMEOUT']);
      expect(await engine.status(token)).toBe('TIMEOUT');
      expect(await engine.sweep()).toBe(0);
      await stop();
    });
  });

  describe('legacy sessions', () => {
    it('report a flat list of disclosed attributes', async () => {
      const { ct, token } = await start({ type: 'disclosing', content: [{ label: 'BSN', attributes: ['irma-demo.MijnOverheid.root.BSN'] }] });
      await engine.getClientRequest(ct, app);
      await engine.postProofs(ct, app, proofs);
      const result = await engine.result(token);
      expect(result.disclosed).toEqual([validProof('irma-demo.MijnOverheid.root.BSN', '999999990').disclosed[0]![0]]);
    });
  });
});
