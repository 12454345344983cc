import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Registry } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { CredentialIssuerRequest } from './credential-issuer.dto.js';
import { knownCredentialType } from './known-credential-type.js';

@Controller('internal/vcr/v2/verifier/trust')
export class TrustIssuerController {
  constructor(private readonly registry: Registry) {}

  @Post()
  @HttpCode(204)
  @Operation({
    operationId: 'TrustIssuer',
    summary: 'Trust an issuer for a credential type (persisted)',
    tag: 'internal',
    responses: { 204: 'trusted', 400: 'malformed DID or unknown credential type' },
  })
  async trust(@Body() body: CredentialIssuerRequest): Promise<void> {
    await this.registry.trust(body.issuer, knownCredentialType(body.credentialType, 'INVALID_INPUT'));
  }
}
