import { describe, expect, it } from 'vitest';
import { TRANSITIONS, assertTransition, canTransition, isFinal, type SessionStatus } from './status.js';
import { looksLikeToken, newNonce, newPairingCode, newSessionToken } from './tokens.js';
import { negotiateVersion } from './protocol-version.js';

describe('status machine (§5.11)', () => {
  it('has no way out of DONE, CANCELLED and TIMEOUT', () => {
    for (const status of ['DONE', 'CANCELLED', 'TIMEOUT'] as const) {
      expect(isFinal(status)).toBe(true);
      for (const to of Object.keys(TRANSITIONS) as SessionStatus[]) expect(canTransition(status, to)).toBe(false);
    }
  });

  it('allows the documented paths and refuses shortcuts', () => {
    expect(canTransition('INITIALIZED', 'PAIRING')).toBe(true);
    expect(canTransition('PAIRING', 'CONNECTED')).toBe(true);
    expect(canTransition('CONNECTED', 'DONE')).toBe(true);
    expect(canTransition('INITIALIZED', 'DONE')).toBe(false);
    expect(canTransition('PAIRING', 'DONE')).toBe(false);
    expect(() => assertTransition('CONNECTED', 'PAIRING')).toThrow(expect.objectContaining({ code: 'IRMA_UNEXPECTED_REQUEST' }));
  });
});

describe('tokens (§2.2)', () => {
  it('makes 20 alphanumerics, 4-digit pairing codes and 128-bit nonces', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newSessionToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[a-zA-Z0-9]{20}$/);
    for (let i = 0; i < 50; i++) expect(newPairingCode()).toMatch(/^[0-9]{4}$/);
    for (let i = 0; i < 50; i++) expect(newNonce() < 1n << 128n).toBe(true);
  });

  it('uses every character of the alphabet', () => {
    const seen = new Set(Array.from({ length: 300 }, () => newSessionToken()).join(''));
    expect(seen.size).toBe(62);
  });

  it('checks tokens without anchors, like irmago', () => {
    expect(looksLikeToken('abcdefghijABCDEFGHIJ')).toBe(true);
    expect(looksLikeToken('--abcdefghijABCDEFGHIJ--')).toBe(true);
    expect(looksLikeToken('short')).toBe(false);
  });
});

describe('protocol version negotiation (§5.2)', () => {
  it('picks 2.8 for every current app', () => {
    expect(negotiateVersion('2.4', '2.9')).toEqual({ ok: true, version: { major: 2, minor: 8 } });
    expect(negotiateVersion('"2.5"', '"2.8"')).toEqual({ ok: true, version: { major: 2, minor: 8 } });
  });

  it('fails for ranges without 2.8 and for inverted ranges', () => {
    expect(negotiateVersion('2.4', '2.7').ok).toBe(false);
    expect(negotiateVersion('2.9', '3.0').ok).toBe(false);
    expect(negotiateVersion('2.8', '2.7').ok).toBe(false);
  });

  it('throws MALFORMED_INPUT for missing or garbled headers', () => {
    expect(() => negotiateVersion(undefined, '2.8')).toThrow(expect.objectContaining({ code: 'IRMA_MALFORMED_INPUT' }));
    expect(() => negotiateVersion('two', '2.8')).toThrow(expect.objectContaining({ code: 'IRMA_MALFORMED_INPUT' }));
  });
});
