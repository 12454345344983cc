import { Controller, Get } from '@nestjs/common';
import { Registry } from '#registry';
import { Operation } from '../../http/operation.decorator.js';

@Controller('internal/vdr/v2/did')
export class ListDidsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @Operation({ operationId: 'ListDIDs', summary: 'List the DIDs managed by this node', tag: 'internal', responses: { 200: 'array of DIDs' } })
  list(): Promise<string[]> {
    return this.registry.listDids();
  }
}
