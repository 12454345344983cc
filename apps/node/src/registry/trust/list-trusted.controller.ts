import { Controller, Get, Param } from '@nestjs/common';
import { Registry } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { knownCredentialType } from './known-credential-type.js';

@Controller('internal/vcr/v2/verifier')
export class ListTrustedController {
  constructor(private readonly registry: Registry) {}

  @Get(':credentialType/trusted')
  @Operation({
    operationId: 'ListTrusted',
    summary: 'Issuers trusted for a credential type',
    tag: 'internal',
    responses: { 200: 'array of issuer DIDs', 404: 'unknown credential type' },
  })
  trusted(@Param('credentialType') credentialType: string): Promise<string[]> {
    return this.registry.trusted(knownCredentialType(credentialType, 'NOT_FOUND'));
  }
}
