import { Controller, Get, Query } from '@nestjs/common';
import { assertDid, Registry, type VerifiableCredential } from '#registry';
import { Operation } from '../../http/operation.decorator.js';
import { SearchIssuedVcsQuery } from './search-issued-vcs.dto.js';

/** nuts v6 `SearchVCResults` (no revocations: nutshell does not revoke). */
export interface SearchVcResults {
  readonly verifiableCredentials: ReadonlyArray<{ readonly verifiableCredential: VerifiableCredential }>;
}

@Controller('internal/vcr/v2/issuer/vc')
export class SearchIssuedVcsController {
  constructor(private readonly registry: Registry) {}

  @Get('search')
  @Operation({
    operationId: 'SearchIssuedVCs',
    summary: 'Find credentials issued by this node by type, issuer and optionally subject',
    tag: 'internal',
    responses: { 200: 'matching credentials', 400: 'missing or malformed parameters' },
  })
  async search(@Query() query: SearchIssuedVcsQuery): Promise<SearchVcResults> {
    assertDid(query.issuer, 'issuer');
    const found = await this.registry.findCredentials({
      type: query.credentialType,
      issuer: query.issuer,
      ...(query.subject !== undefined ? { subject: query.subject } : {}),
    });
    return { verifiableCredentials: found.map((verifiableCredential) => ({ verifiableCredential })) };
  }
}
