import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { NutshellError } from '#errors';
import { Registry, type VerifiableCredential } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { VerifyVpRequest } from './verify-vp.dto.js';

/** nuts v6 `VPVerificationResult`. */
export interface VpVerificationResult {
  readonly validity: boolean;
  readonly message?: string;
  readonly credentials?: readonly VerifiableCredential[];
}

@Controller('internal/vcr/v2/verifier/vp')
export class VerifyVpController {
  constructor(private readonly registry: Registry) {}

  /**
   * Like nuts v6 the caller gives no expected challenge, so the proof's own challenge is used: this checks
   * integrity and signer, not freshness. Protocols that need freshness call `Registry.verifyPresentation`.
   */
  @Post()
  @HttpCode(200)
  @Operation({
    operationId: 'VerifyVP',
    summary: 'Verify a presentation: Ed25519Signature2020 proof of a DID known here and every credential in it',
    tag: 'internal',
    responses: { 200: '{validity, message?, credentials?}', 400: 'not a request body or bad validAt' },
  })
  async verify(@Body() body: VerifyVpRequest): Promise<VpVerificationResult> {
    const at = body.validAt === undefined ? undefined : new Date(body.validAt);
    if (at !== undefined && Number.isNaN(at.getTime())) throw new NutshellError('INVALID_INPUT', 'validAt: must be an RFC 3339 date-time');
    const proofs = ([] as unknown[]).concat(body.verifiablePresentation['proof'] ?? []);
    const challenge = proofs.map((p) => (p as { challenge?: unknown } | null)?.challenge).find((c): c is string => typeof c === 'string');
    if (challenge === undefined) return { validity: false, message: 'presentation proof has no challenge' };
    const result = await this.registry.verifyPresentation(body.verifiablePresentation, { challenge, ...(at ? { at } : {}) });
    return result.validity ? { validity: true, credentials: result.credentials } : result;
  }
}
