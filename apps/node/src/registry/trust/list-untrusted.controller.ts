import { Controller, Get, Param } from '@nestjs/common';
import { Registry } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { knownCredentialType } from './known-credential-type.js';

@Controller('internal/vcr/v2/verifier')
export class ListUntrustedController {
  constructor(private readonly registry: Registry) {}

  @Get(':credentialType/untrusted')
  @Operation({
    operationId: 'ListUntrusted',
    summary: 'Issuers of stored credentials of a type that are not trusted for it',
    tag: 'internal',
    responses: { 200: 'array of issuer DIDs', 404: 'unknown credential type' },
  })
  untrusted(@Param('credentialType') credentialType: string): Promise<string[]> {
    return this.registry.untrusted(knownCredentialType(credentialType, 'NOT_FOUND'));
  }
}
