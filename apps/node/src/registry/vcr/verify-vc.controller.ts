import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Registry, type CredentialVerification } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { VerifyVcRequest } from './verify-vc.dto.js';

@Controller('internal/vcr/v2/verifier/vc')
export class VerifyVcController {
  constructor(private readonly registry: Registry) {}

  @Post()
  @HttpCode(200)
  @Operation({
    operationId: 'VerifyVC',
    summary: 'Verify a credential: signature (issuer DID must be known here), validity now and trust in the issuer',
    tag: 'internal',
    responses: { 200: '{validity, message?}', 400: 'not a request body' },
  })
  verify(@Body() body: VerifyVcRequest): Promise<CredentialVerification> {
    return this.registry.verifyCredential(body.verifiableCredential, { allowUntrusted: body.verificationOptions?.allowUntrustedIssuer ?? false });
  }
}
