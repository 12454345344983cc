import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNutshellError, NutshellError } from '#errors';
import { encodeBigB64 } from './bigint.js';
import { parseProof, parseProofList, serializeProof, serializeProofList, type ProofD } from './proof.js';
import { loadVectorFile, proofListCase, proofListCases } from './testing/vector-fixtures.js';

const disclosure = loadVectorFile(1024, 'disclosure');
const issuance = loadVectorFile(1024, 'issuance');
const validD = proofListCase(disclosure, 'valid-disclose-1-2-context1').proofList[0]!;
const validU = proofListCase(issuance, 'proofU-valid').proofList[0]!;

function malformedCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof NutshellError) return e.code;
    throw e;
  }
  return undefined;
}

describe('parseProof', () => {
  it('reads a ProofD and serialises it back to the exact gabi JSON', () => {
    const p = parseProof(validD);
    expect(p.kind).toBe('D');
    const d = p as ProofD;
    expect([...d.aResponses.keys()].sort()).toEqual([0, 3, 4, 5, 6]);
    expect([...d.aDisclosed.keys()].sort()).toEqual([1, 2]);
    expect(serializeProof(p)).toEqual(validD);
  });

  it('reads a ProofU and serialises it back to the exact gabi JSON', () => {
    const p = parseProof(validU);
    expect(p.kind).toBe('U');
    expect(serializeProof(p)).toEqual(validU);
  });

  it('round-trips every proof list of every vector file', () => {
    for (const bits of [1024, 2048] as const) {
      for (const kind of ['disclosure', 'signature', 'issuance'] as const) {
        for (const c of proofListCases(loadVectorFile(bits, kind))) {
          expect(serializeProofList(parseProofList(c.proofList))).toEqual(c.proofList);
        }
      }
    }
  });

  it('matches field names case-insensitively, as Go does', () => {
    const { e_response: e, ...rest } = validD as Record<string, unknown>;
    const p = parseProof({ ...rest, E_Response: e }) as ProofD;
    expect(p.eResponse).toBe((parseProof(validD) as ProofD).eResponse);
  });

  it('accepts an old-style unquoted number and keeps optional nonrev data for the verifier to refuse', () => {
    const p = parseProof({ ...validD, c: 12345 }) as ProofD;
    expect(p.c).toBe(12345n);
    const withNonrev = parseProof({ ...validD, nonrev_proof: { C_r: 'AQ==' } }) as ProofD;
    expect(withNonrev.nonrevProof).toEqual({ C_r: 'AQ==' });
  });

  it('refuses wrong types, missing fields, bad keys and oversized numbers with IRMA_MALFORMED_INPUT', () => {
    const bad: unknown[] = [
      null,
      42,
      'proof',
      [],
      {},
      { ...validD, A: true },
      { ...validD, c: undefined },
      { ...validD, c: null },
      { ...validD, c: -1 },
      { ...validD, c: 1.5 },
      { ...validD, c: 2 ** 60 },
      { ...validD, c: 'not base64!' },
      { ...validD, c: {} },
      { ...validD, e_response: undefined },
      { ...validD, v_response: [] },
      { ...validD, a_responses: [] },
      { ...validD, a_responses: 'x' },
      { ...validD, a_responses: { '-1': 'AQ==' } },
      { ...validD, a_responses: { '01': 'AQ==' } },
      { ...validD, a_responses: { '+1': 'AQ==' } },
      { ...validD, a_responses: { '1.0': 'AQ==' } },
      { ...validD, a_responses: { '99999': 'AQ==' } },
      { ...validD, a_responses: { '2000': 'AQ==' } },
      { ...validD, a_responses: { x: 'AQ==' } },
      { ...validD, a_responses: { '0': null } },
      { ...validD, a_disclosed: { '1': 7.5 } },
      { ...validD, v_response: encodeBigB64(1n << 70000n) },
      { ...validD, nonrev_proof: 'yes' },
      { ...validD, rangeproofs: [1] },
      { ...validD, C: (validD as Record<string, unknown>)['c'] },
      { U: 'AQ==', c: 'AQ==', v_prime_response: 'AQ==' },
      { ...(validU as object), m_user_responses: { a: 'AQ==' } },
      { A: null, U: null, c: 'AQ==' },
    ];
    for (const b of bad) expect(malformedCode(() => parseProof(b)), JSON.stringify(b)?.slice(0, 80)).toBe('IRMA_MALFORMED_INPUT');
  });

  it('refuses empty, non-array and oversized proof lists', () => {
    expect(malformedCode(() => parseProofList([]))).toBe('IRMA_MALFORMED_INPUT');
    expect(malformedCode(() => parseProofList({ 0: validD }))).toBe('IRMA_MALFORMED_INPUT');
    expect(malformedCode(() => parseProofList(Array.from({ length: 65 }, () => validD)))).toBe('IRMA_MALFORMED_INPUT');
    expect(parseProofList([validD, validU]).map((p) => p.kind)).toEqual(['D', 'U']);
  });
});

describe('parser fuzzing', () => {
  const onlyNutshellErrors = (input: unknown): void => {
    for (const parse of [parseProof, parseProofList]) {
      try {
        parse(input);
      } catch (e) {
        if (!isNutshellError(e) || e.code !== 'IRMA_MALFORMED_INPUT') throw e;
      }
    }
  };

  it('random JSON never throws anything but NutshellError', () => {
    fc.assert(fc.property(fc.jsonValue(), onlyNutshellErrors), { numRuns: 2000 });
  });

  it('random mutations of valid proofs never throw anything but NutshellError', () => {
    const fields = ['c', 'A', 'e_response', 'v_response', 'a_responses', 'a_disclosed', 'nonrev_proof', 'U', 's_response', 'v_prime_response', 'm_user_responses'];
    fc.assert(
      fc.property(
        fc.constantFrom(validD, validU),
        fc.constantFrom(...fields),
        fc.oneof(fc.jsonValue(), fc.string(), fc.base64String(), fc.dictionary(fc.string(), fc.jsonValue())),
        (base, field, value) => {
          const mutated = { ...(base as Record<string, unknown>), [field]: value };
          onlyNutshellErrors(mutated);
          onlyNutshellErrors([mutated]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random JSON text through JSON.parse and the parser never escapes as another error', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        onlyNutshellErrors(JSON.parse(text) as unknown);
      }),
      { numRuns: 500 },
    );
  });
});
