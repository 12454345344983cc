import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { NutshellError } from '#errors';
import { Registry, type VerifiableCredential } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { IssueVcRequest } from './issue-vc.dto.js';

@Controller('internal/vcr/v2/issuer/vc')
export class IssueVcController {
  constructor(private readonly registry: Registry) {}

  @Post()
  @HttpCode(200)
  @Operation({
    operationId: 'IssueVC',
    summary: 'Issue a credential (Ed25519Signature2020) from a DID managed by this node; it is stored',
    tag: 'internal',
    responses: { 200: 'the verifiable credential', 400: 'invalid request, unknown type or issuer not managed here' },
  })
  issue(@Body() body: IssueVcRequest): Promise<VerifiableCredential> {
    const type = body.type;
    if (!(typeof type === 'string' || (Array.isArray(type) && type.every((t) => typeof t === 'string')))) {
      throw new NutshellError('INVALID_INPUT', 'type: must be a string or an array of strings');
    }
    const context = body['@context'];
    if (context !== undefined && !(typeof context === 'string' || (Array.isArray(context) && context.every((c) => typeof c === 'string')))) {
      throw new NutshellError('INVALID_INPUT', '@context: must be a string or an array of strings');
    }
    return this.registry.issueCredential({
      type,
      issuer: body.issuer,
      credentialSubject: body.credentialSubject,
      ...(context !== undefined ? { '@context': context } : {}),
      ...(body.expirationDate !== undefined ? { expirationDate: body.expirationDate } : {}),
    });
  }
}
