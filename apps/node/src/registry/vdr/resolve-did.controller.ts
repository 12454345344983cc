import { Controller, Get, Param } from '@nestjs/common';
import { Registry, type DidDocument, type DidDocumentMetadata } from '#registry';
import { Operation } from '../../http/operation.decorator.js';

/** nuts v6 `DIDResolutionResult`. */
export interface DidResolutionResult {
  readonly document: DidDocument;
  readonly documentMetadata: DidDocumentMetadata;
}

@Controller('internal/vdr/v2/did')
export class ResolveDidController {
  constructor(private readonly registry: Registry) {}

  @Get(':did')
  @Operation({
    operationId: 'ResolveDID',
    summary: 'Resolve a DID managed by this node (URL-encoded in the path)',
    tag: 'internal',
    responses: { 200: 'document and metadata', 400: 'malformed DID', 404: 'unknown DID' },
  })
  async resolve(@Param('did') did: string): Promise<DidResolutionResult> {
    const { document, metadata } = await this.registry.resolveDid(did);
    return { document, documentMetadata: metadata };
  }
}
