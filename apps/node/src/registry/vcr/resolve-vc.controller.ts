import { Controller, Get, Param } from '@nestjs/common';
import { Registry, type VerifiableCredential } from '#registry';
import { Operation } from '../../http/operation.decorator.js';

@Controller('internal/vcr/v2/vc')
export class ResolveVcController {
  constructor(private readonly registry: Registry) {}

  @Get(':id')
  @Operation({
    operationId: 'ResolveVC',
    summary: 'Read a stored credential by its (URL-encoded) id, regardless of trust',
    tag: 'internal',
    responses: { 200: 'the credential', 404: 'unknown id' },
  })
  resolve(@Param('id') id: string): Promise<VerifiableCredential> {
    return this.registry.getCredential(id);
  }
}
