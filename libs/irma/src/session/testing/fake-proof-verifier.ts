import { NutshellError } from '#errors';
import type { DisclosureRequest, SignatureRequest } from '../../request/index.js';
import type { ProofVerifier, SessionResultProof } from '../proof-verifier.js';

/** What the fake does with the next body it sees. */
export type FakeVerdict = { readonly kind: 'result'; readonly proof: SessionResultProof } | { readonly kind: 'throw'; readonly error: unknown };

/**
 * A test double for `ProofVerifier`: no cryptography. It insists on the shape of the body
 * (`proofs` for disclosures, `signature` for signatures, as the app sends them) and answers what
 * the test configured. For tests of the session engine and protocol only.
 */
export class FakeProofVerifier implements ProofVerifier {
  verdict: FakeVerdict;
  readonly seen: { readonly request: DisclosureRequest | SignatureRequest; readonly body: unknown }[] = [];

  constructor(proof: SessionResultProof) {
    this.verdict = { kind: 'result', proof };
  }

  async verifyDisclosure(request: DisclosureRequest, body: unknown): Promise<SessionResultProof> {
    return this.answer(request, body, 'proofs');
  }

  async verifySignature(request: SignatureRequest, body: unknown): Promise<SessionResultProof> {
    return this.answer(request, body, 'signature');
  }

  private answer(request: DisclosureRequest | SignatureRequest, body: unknown, field: string): SessionResultProof {
    if (typeof body !== 'object' || body === null || !Array.isArray((body as Record<string, unknown>)[field])) {
      throw new NutshellError('IRMA_MALFORMED_INPUT', `body lacks a "${field}" array`);
    }
    this.seen.push({ request, body });
    if (this.verdict.kind === 'throw') throw this.verdict.error;
    return this.verdict.proof;
  }
}

/** A proof result disclosing one attribute, as a verifier would report it. */
export function validProof(id: string, rawvalue: string): SessionResultProof {
  return {
    proofStatus: 'VALID',
    disclosed: [[{ id, rawvalue, value: { '': rawvalue, en: rawvalue, nl: rawvalue }, status: 'PRESENT', issuancetime: 1_700_000_000 }]],
  };
}
