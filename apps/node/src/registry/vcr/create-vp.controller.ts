import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { NutshellError } from '#errors';
import { Registry, type VerifiableCredential, type VerifiablePresentation } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { CreateVpRequest } from './create-vp.dto.js';

@Controller('internal/vcr/v2/holder/vp')
export class CreateVpController {
  constructor(private readonly registry: Registry) {}

  @Post()
  @HttpCode(200)
  @Operation({
    operationId: 'CreateVP',
    summary: 'Sign a presentation of credentials with the authentication key of a DID managed here',
    tag: 'internal',
    responses: { 200: 'the verifiable presentation', 400: 'invalid request or signer not managed here' },
  })
  create(@Body() body: CreateVpRequest): Promise<VerifiablePresentation> {
    const credentials = body.verifiableCredentials as unknown as VerifiableCredential[];
    const signer = body.signerDID ?? singleSubject(credentials);
    return this.registry.signPresentation({
      signer,
      credentials,
      challenge: body.challenge,
      ...(body.type ? { type: body.type } : {}),
      ...(body.domain !== undefined ? { domain: body.domain } : {}),
      ...(body['@context'] ? { presentation: { '@context': body['@context'] } } : {}),
    });
  }
}

function singleSubject(credentials: readonly VerifiableCredential[]): string {
  const subjects = new Set(credentials.map((vc) => vc.credentialSubject?.id));
  const [only] = subjects;
  if (subjects.size !== 1 || typeof only !== 'string') {
    throw new NutshellError('INVALID_INPUT', 'signerDID: required unless all credentials have the same single subject');
  }
  return only;
}
