import { describe, expect, it } from 'vitest';
import { parseExtendedSessionRequest, parseSessionRequest } from './parse-session-request.js';
import { serializeSessionRequest } from './serialize-session-request.js';
import { pairingHint } from './pairing-hint.js';

// §4.2 of the spec, verbatim.
const condisconExample = {
  '@context': 'https://irma.app/ld/request/disclosure/v2',
  disclose: [
    [['irma-demo.MijnOverheid.root.BSN']],
    [
      ['irma-demo.nijmegen.address.street', 'irma-demo.nijmegen.address.city'],
      ['irma-demo.idin.idin.address', { type: 'irma-demo.idin.idin.city', value: 'Nijmegen' }],
    ],
    [[], ['irma-demo.MijnOverheid.fullName.firstname']],
  ],
  labels: { '0': { en: 'BSN', nl: 'BSN' }, '1': null },
  skipExpiryCheck: ['irma-demo.MijnOverheid.root'],
};

describe('parseSessionRequest: current format', () => {
  it('reads the condiscon example of the spec', () => {
    const request = parseSessionRequest(condisconExample);
    expect(request.type).toBe('disclosing');
    if (request.type !== 'disclosing') return;
    expect(request.context).toBe(1n);
    expect(request.disclose).toHaveLength(3);
    expect(request.disclose[1]?.[1]).toEqual([{ type: 'irma-demo.idin.idin.address' }, { type: 'irma-demo.idin.idin.city', value: 'Nijmegen' }]);
    expect(request.disclose[2]?.[0]).toEqual([]);
    expect(request.labels).toEqual({ 0: { en: 'BSN', nl: 'BSN' }, 1: null });
    expect(request.skipExpiryCheck).toEqual(['irma-demo.MijnOverheid.root']);
  });

  it('reads a signature request and requires its message', () => {
    const json = {
      '@context': 'https://irma.app/ld/request/signature/v2',
      message: 'I agree',
      disclose: [[['pbdf.gemeente.personalData.fullname']]],
    };
    const request = parseSessionRequest(json);
    expect(request).toMatchObject({ type: 'signing', message: 'I agree' });
    expect(() => parseSessionRequest({ ...json, message: '' })).toThrow(expect.objectContaining({ code: 'IRMA_MALFORMED_SIGNATURE_REQUEST' }));
  });

  it('reads an issuance request far enough to refuse it by type', () => {
    const request = parseSessionRequest({
      '@context': 'https://irma.app/ld/request/issuance/v2',
      credentials: [{ credential: 'irma-demo.MijnOverheid.fullName', validity: 1592438400, attributes: { firstname: 'Johan' } }],
    });
    expect(request.type).toBe('issuing');
    expect(() => parseSessionRequest({ '@context': 'https://irma.app/ld/request/issuance/v2', credentials: [{ credential: 'a.b', attributes: {} }] }))
      .toThrow(expect.objectContaining({ code: 'IRMA_MALFORMED_ISSUER_REQUEST' }));
  });

  it('accepts JSON text and reads base64 and decimal big integers', () => {
    const request = parseSessionRequest(JSON.stringify({ ...condisconExample, context: 'AQ==', nonce: 'AQAB' }));
    expect(request.context).toBe(1n);
    expect(request.nonce).toBe(65537n);
    expect(parseSessionRequest({ ...condisconExample, nonce: 42 }).nonce).toBe(42n);
  });

  it.each([
    ['no attributes at all', { ...condisconExample, disclose: [] }],
    ['an empty disjunction', { ...condisconExample, disclose: [[]] }],
    ['an attribute id with two parts', { ...condisconExample, disclose: [[['irma-demo.MijnOverheid']]] }],
    ['an empty id part', { ...condisconExample, disclose: [[['irma-demo..root.BSN']]] }],
    ['non-adjacent attributes of one credential', { ...condisconExample, disclose: [[['a.b.c.x', 'a.b.d.y', 'a.b.c.z']]] }],
    ['a non-array disclose', { ...condisconExample, disclose: 'irma-demo.MijnOverheid.root.BSN' }],
    ['a pinned value that is a number', { ...condisconExample, disclose: [[[{ type: 'a.b.c.d', value: 5 }]]] }],
    ['bad labels', { ...condisconExample, labels: { first: { en: 'x' } } }],
    ['augmentReturnUrl without clientReturnUrl', { ...condisconExample, augmentReturnUrl: true }],
  ])('refuses %s as a malformed verification request', (_name, json) => {
    expect(() => parseSessionRequest(json)).toThrow(expect.objectContaining({ code: 'IRMA_MALFORMED_VERIFIER_REQUEST' }));
  });

  it('refuses unknown contexts, non-objects and broken JSON text', () => {
    for (const json of [{ '@context': 'https://example.org/x', disclose: [] }, [], null, 'not json {']) {
      expect(() => parseSessionRequest(json)).toThrow(expect.objectContaining({ code: 'IRMA_MALFORMED_VERIFIER_REQUEST' }));
    }
  });

  it('checks ids against the scheme when a lookup is given', () => {
    const known = new Set(['irma-demo.MijnOverheid.root.BSN', 'irma-demo.MijnOverheid.root']);
    const json = { '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[['irma-demo.MijnOverheid.root.BSN'], ['irma-demo.MijnOverheid.root']]] };
    expect(parseSessionRequest(json, (id) => known.has(id)).type).toBe('disclosing');
    const unknown = { ...json, disclose: [[['irma-demo.MijnOverheid.root.nope']]] };
    expect(() => parseSessionRequest(unknown, (id) => known.has(id))).toThrow(/Unknown identifiers: irma-demo.MijnOverheid.root.nope/);
  });

  it('allows at most one non-singleton credential type per conjunction when the scheme says which are singletons', () => {
    const singletons = new Set(['irma-demo.MijnOverheid.root']);
    const scheme = { isKnown: () => true, isSingleton: (id: string) => singletons.has(id) };
    const oneNonSingleton = { ...condisconExample, disclose: [[['irma-demo.MijnOverheid.root.BSN', 'irma-demo.RU.studentCard.studentID']]] };
    expect(parseSessionRequest(oneNonSingleton, scheme).type).toBe('disclosing');
    const twoNonSingletons = { ...condisconExample, disclose: [[['irma-demo.RU.studentCard.studentID', 'irma-demo.MijnOverheid.fullName.firstname']]] };
    expect(() => parseSessionRequest(twoNonSingletons, scheme)).toThrow(/at most one non-singleton/);
    // Without singleton knowledge the rule cannot be applied, so the request passes.
    expect(parseSessionRequest(twoNonSingletons, () => true).type).toBe('disclosing');
  });

  it('reads revocation as a list or a map', () => {
    const asList = parseSessionRequest({ ...condisconExample, revocation: ['irma-demo.MijnOverheid.root'] });
    const asMap = parseSessionRequest({ ...condisconExample, revocation: { 'irma-demo.MijnOverheid.root': { tolerance: 600 } } });
    expect(asList.revocation).toEqual({ 'irma-demo.MijnOverheid.root': {} });
    expect(asMap.revocation).toEqual({ 'irma-demo.MijnOverheid.root': { tolerance: 600 } });
  });
});

describe('parseExtendedSessionRequest', () => {
  it('wraps a bare request with the default validity', () => {
    expect(parseExtendedSessionRequest(condisconExample)).toMatchObject({ validity: 120, legacy: false });
  });

  it('reads the extended wrapper of §4.7', () => {
    const extended = parseExtendedSessionRequest({
      validity: 60,
      timeout: 30,
      callbackUrl: 'https://example.com/cb',
      nextSession: { url: 'https://example.com/next' },
      request: condisconExample,
    });
    expect(extended).toMatchObject({ validity: 60, timeout: 30, callbackUrl: 'https://example.com/cb', nextSession: { url: 'https://example.com/next' } });
    expect(extended.request.type).toBe('disclosing');
  });

  it('refuses a nextSession without url, typed by the inner request', () => {
    const signing = { '@context': 'https://irma.app/ld/request/signature/v2', message: 'm', disclose: [[['a.b.c.d']]] };
    expect(() => parseExtendedSessionRequest({ nextSession: {}, request: signing })).toThrow(
      expect.objectContaining({ code: 'IRMA_MALFORMED_SIGNATURE_REQUEST' }),
    );
  });
});

describe('legacy requests (§4.6)', () => {
  it('converts labelled disjunctions, pins map values and duplicates labels into en and nl', () => {
    const extended = parseExtendedSessionRequest({
      type: 'disclosing',
      content: [
        { label: 'Age limit', attributes: ['irma-demo.MijnOverheid.ageLimits.over18', 'irma-demo.MijnOverheid.ageLimits.over21'] },
        { label: 'First name', attributes: { 'irma-demo.MijnOverheid.fullName.firstname': 'hello' } },
      ],
    });
    expect(extended.legacy).toBe(true);
    expect(extended.request).toMatchObject({
      type: 'disclosing',
      disclose: [
        [[{ type: 'irma-demo.MijnOverheid.ageLimits.over18' }], [{ type: 'irma-demo.MijnOverheid.ageLimits.over21' }]],
        [[{ type: 'irma-demo.MijnOverheid.fullName.firstname', value: 'hello' }]],
      ],
      labels: { 0: { en: 'Age limit', nl: 'Age limit' }, 1: { en: 'First name', nl: 'First name' } },
    });
  });

  it('reads a legacy signature request inside a legacy extended wrapper', () => {
    const extended = parseExtendedSessionRequest({
      validity: 30,
      request: { type: 'signing', message: 'sign me', content: [{ label: 'x', attributes: ['a.b.c.d'] }] },
    });
    expect(extended).toMatchObject({ validity: 30, legacy: true, request: { type: 'signing', message: 'sign me' } });
  });

  it('refuses a request with neither @context nor a type', () => {
    expect(() => parseSessionRequest({ content: [] })).toThrow(expect.objectContaining({ code: 'IRMA_MALFORMED_VERIFIER_REQUEST' }));
  });
});

describe('serializeSessionRequest', () => {
  it('writes what the app receives in §5.3: Go field order, base64 integers, compact attributes', () => {
    const request = parseSessionRequest({
      '@context': 'https://irma.app/ld/request/disclosure/v2',
      disclose: [[['pbdf.pbdf.irmatube.type']]],
      devMode: true,
    });
    const nonce = BigInt('0x225d8588af2e0880298f3916791a2e49');
    const json = JSON.stringify(serializeSessionRequest({ ...request, nonce }, { protocolVersion: '2.8' }));
    expect(json).toBe(
      '{"@context":"https://irma.app/ld/request/disclosure/v2","context":"AQ==","nonce":"Il2FiK8uCIApjzkWeRouSQ==",' +
        '"protocolVersion":"2.8","devMode":true,"disclose":[[["pbdf.pbdf.irmatube.type"]]]}',
    );
  });

  it('keeps pinned and notNull attribute requests as objects and round-trips', () => {
    const request = parseSessionRequest(condisconExample);
    const wire = serializeSessionRequest(request);
    expect((wire.disclose as unknown[][][])[1]?.[1]?.[1]).toEqual({ type: 'irma-demo.idin.idin.city', value: 'Nijmegen' });
    expect(parseSessionRequest(wire)).toEqual(request);
    const notNull = parseSessionRequest({ ...condisconExample, disclose: [[[{ type: 'a.b.c.d', notNull: true, value: null }]]] });
    expect(serializeSessionRequest(notNull).disclose).toEqual([[[{ type: 'a.b.c.d', notNull: true }]]]);
  });

  it('puts the message last for signature requests', () => {
    const request = parseSessionRequest({ '@context': 'https://irma.app/ld/request/signature/v2', message: 'hi', disclose: [[['a.b.c.d']]] });
    expect(Object.keys(serializeSessionRequest(request))).toEqual(['@context', 'context', 'nonce', 'disclose', 'message']);
  });
});

describe('pairingHint', () => {
  it('is true for pinned values, signing and chained sessions only', () => {
    const plain = { '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[['a.b.c.d']]] };
    expect(pairingHint(parseExtendedSessionRequest(plain))).toBe(false);
    expect(pairingHint(parseExtendedSessionRequest(condisconExample))).toBe(true);
    expect(pairingHint(parseExtendedSessionRequest({ nextSession: { url: 'https://x' }, request: plain }))).toBe(true);
    expect(pairingHint(parseExtendedSessionRequest({ ...plain, '@context': 'https://irma.app/ld/request/signature/v2', message: 'm' }))).toBe(true);
  });
});
