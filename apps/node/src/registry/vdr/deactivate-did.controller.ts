import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { Registry } from '#registry';
import { Operation } from '../../http/operation.decorator.js';

@Controller('internal/vdr/v2/did')
export class DeactivateDidController {
  constructor(private readonly registry: Registry) {}

  @Delete(':did')
  @HttpCode(204)
  @Operation({
    operationId: 'Deactivate',
    summary: 'Deactivate a DID managed by this node: its keys leave the document and its did.json is no longer served',
    tag: 'internal',
    responses: { 204: 'deactivated', 400: 'malformed DID', 404: 'unknown DID', 409: 'already deactivated' },
  })
  async deactivate(@Param('did') did: string): Promise<void> {
    await this.registry.deactivateDid(did);
  }
}
