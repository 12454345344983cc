import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Registry, type DidDocument } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { CreateDidRequest } from './create-did.dto.js';

@Controller('internal/vdr/v2/did')
export class CreateDidController {
  constructor(private readonly registry: Registry) {}

  @Post()
  @HttpCode(200)
  @Operation({
    operationId: 'CreateDID',
    summary: 'Create a did:web DID with a fresh Ed25519 key; returns its DID document',
    tag: 'internal',
    responses: { 200: 'the DID document', 400: 'invalid id', 409: 'the id is taken' },
  })
  create(@Body() body: CreateDidRequest): Promise<DidDocument> {
    // The body is optional: without one Nest hands over undefined.
    return this.registry.createDid(body?.id);
  }
}
