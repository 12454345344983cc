import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NutshellError } from '#errors';
import { parseSchemeIndex, serializeSchemeIndex } from './index-file.js';
import { parseSchemePublicKey, signIndex, verifyIndexSignature } from './signature.js';
import { parseSchemeTimestamp } from './timestamp.js';

const h = (s: string) => createHash('sha256').update(s).digest('hex');

function errorOf(fn: () => unknown): NutshellError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NutshellError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('scheme index', () => {
  it('parses lines and round-trips through the sorted serialisation', () => {
    const text = `${h('b')} s/b.xml\n${h('a')} s/a/x.xml\n`;
    const index = parseSchemeIndex(text, 's');
    expect([...index.keys()]).toEqual(['s/b.xml', 's/a/x.xml']);
    const again = serializeSchemeIndex([...index].map(([path, sha256]) => ({ path, sha256 })));
    expect(again).toBe(`${h('a')} s/a/x.xml\n${h('b')} s/b.xml\n`);
  });
  it('refuses malformed lines, foreign and unsafe paths, and an empty index', () => {
    expect(errorOf(() => parseSchemeIndex(`${h('a')} s/a b\n`, 's')).code).toBe('SCHEME_INVALID');
    expect(errorOf(() => parseSchemeIndex(`abc s/a\n`, 's')).detail).toContain('SHA-256');
    expect(errorOf(() => parseSchemeIndex(`${h('a')} t/a\n`, 's')).detail).toContain('outside scheme s');
    expect(errorOf(() => parseSchemeIndex(`${h('a')} s/../t/a\n`, 's')).detail).toContain('unsafe');
    expect(errorOf(() => parseSchemeIndex(`\n`, 's')).detail).toContain('empty');
  });
  it('serialise then parse is the identity on well-formed entries', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    fc.assert(fc.property(fc.uniqueArray(fc.array(segment, { minLength: 1, maxLength: 3 }).map((p) => `s/${p.join('/')}`), { minLength: 1, maxLength: 20 }), (paths) => {
      const entries = paths.map((path) => ({ path, sha256: h(path) }));
      const parsed = parseSchemeIndex(serializeSchemeIndex(entries), 's');
      expect(new Map(entries.map((e) => [e.path, e.sha256]))).toEqual(parsed);
    }));
  });
});

describe('index signature', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const skPem = privateKey.export({ type: 'sec1', format: 'pem' });
  const pk = parseSchemePublicKey(publicKey.export({ type: 'spki', format: 'pem' }), 'pk.pem');
  const index = Buffer.from(`${h('a')} s/a\n`);

  it('verifies its own DER signature and refuses any change to index or signature', () => {
    const sig = signIndex(index, skPem);
    expect(sig[0]).toBe(0x30);
    expect(verifyIndexSignature(index, sig, pk)).toBe(true);
    expect(verifyIndexSignature(Buffer.from(`${h('b')} s/a\n`), sig, pk)).toBe(false);
    const flipped = Buffer.from(sig);
    flipped[flipped.length - 1]! ^= 1;
    expect(verifyIndexSignature(index, flipped, pk)).toBe(false);
    expect(verifyIndexSignature(index, Buffer.concat([sig, Buffer.from([0])]), pk)).toBe(false);
    expect(verifyIndexSignature(index, Buffer.alloc(0), pk)).toBe(false);
  });
  it('refuses a raw r||s signature (irmago expects DER)', () => {
    const raw = sign('sha256', index, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(verifyIndexSignature(index, raw, pk)).toBe(false);
  });
  it('refuses scheme keys that are not P-256 ECDSA', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' });
    expect(errorOf(() => parseSchemePublicKey(rsa, 'x/pk.pem')).detail).toBe('x/pk.pem: scheme public key is not ECDSA P-256');
    expect(errorOf(() => parseSchemePublicKey('nonsense', 'x/pk.pem')).code).toBe('SCHEME_INVALID');
  });
});

describe('scheme timestamp', () => {
  it('reads decimal seconds with an optional newline, like irmago', () => {
    expect(parseSchemeTimestamp('1785741410\n', 't')).toBe(1785741410);
    expect(parseSchemeTimestamp('42', 't')).toBe(42);
    expect(errorOf(() => parseSchemeTimestamp('17857 41410\n', 't')).code).toBe('SCHEME_INVALID');
    expect(errorOf(() => parseSchemeTimestamp('1785741410\n\n', 't')).code).toBe('SCHEME_INVALID');
  });
});
