import { Body, Controller, Delete, HttpCode } from '@nestjs/common';
import { Registry } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { CredentialIssuerRequest } from './credential-issuer.dto.js';
import { knownCredentialType } from './known-credential-type.js';

@Controller('internal/vcr/v2/verifier/trust')
export class UntrustIssuerController {
  constructor(private readonly registry: Registry) {}

  @Delete()
  @HttpCode(204)
  @Operation({
    operationId: 'UntrustIssuer',
    summary: 'Remove trust in an issuer for a credential type (persisted)',
    tag: 'internal',
    responses: { 204: 'no longer trusted', 400: 'malformed DID or unknown credential type' },
  })
  async untrust(@Body() body: CredentialIssuerRequest): Promise<void> {
    await this.registry.untrust(body.issuer, knownCredentialType(body.credentialType, 'INVALID_INPUT'));
  }
}
