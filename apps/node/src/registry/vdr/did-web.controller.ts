import { Controller, Get, Param } from '@nestjs/common';
import { NutshellError } from '#errors';
import { Registry, type DidDocument } from '#registry';
import { Operation } from '../../http/operation.decorator.js';

@Controller('iam')
export class DidWebController {
  constructor(private readonly registry: Registry) {}

  /** did:web resolution: `did:web:<host>:iam:<id>` is read from `https://<host>/iam/<id>/did.json`. */
  @Get(':id/did.json')
  @Operation({
    operationId: 'GetDIDDocument',
    summary: 'Serve the DID document of a did:web DID of this node',
    tag: 'public',
    responses: { 200: 'the DID document', 404: 'unknown id' },
  })
  async document(@Param('id') id: string): Promise<DidDocument> {
    const document = await this.registry.vdr.findByLocalId(id);
    if (!document) throw new NutshellError('DID_NOT_FOUND', 'unable to find the DID document');
    return document;
  }
}
