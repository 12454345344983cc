import { Body, Controller, HttpCode, Inject, Put, UseGuards } from '@nestjs/common';
import { drawUpContract, findTemplate, parseGoDuration, parseSimpleGoDuration } from '#contract';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { isNutshellError, NutshellError } from '#errors';
import { Operation } from '../../http/operation.decorator.js';
import { JsonBodyGuard } from '../http/json-body.guard.js';
import { assertLegalEntityDid } from '../legal-entity/legal-entity-did.js';
import { LEGAL_ENTITY_RESOLVER, type LegalEntityResolver } from '../legal-entity/legal-entity-resolver.js';
import { parseRequestTime } from '../time/parse-request-time.js';
import { DrawUpContractRequest } from './draw-up-contract.dto.js';

/** Nuts `ContractResponse`. */
export interface ContractResponse {
  readonly language: string;
  readonly message: string;
  readonly type: string;
  readonly version: string;
}

const NOTARY_PREFIX = 'could not draw up contract: ';

// Nuts answers 400 for every "cannot resolve the organization" case; the registry's own lookups say 404.
function notaryError(error: unknown): unknown {
  if (!isNutshellError(error)) return error;
  const code = error.code === 'ORGANIZATION_NOT_FOUND' || error.code === 'DID_NOT_FOUND' ? 'CONTRACT_ORGANIZATION_NOT_FOUND' : error.code;
  const detail = error.detail.startsWith(NOTARY_PREFIX) ? error.detail : NOTARY_PREFIX + error.detail;
  return code === error.code && detail === error.detail ? error : new NutshellError(code, detail, { cause: error, extra: error.extra });
}

@Controller('internal/auth/v1/contract')
export class DrawUpContractController {
  constructor(
    @Inject(LEGAL_ENTITY_RESOLVER) private readonly resolver: LegalEntityResolver,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  /** Checks in Nuts order (validFrom, validDuration, template, DID, organization), then renders the contract. */
  @Put('drawup')
  @HttpCode(200)
  @UseGuards(JsonBodyGuard)
  @Operation({
    operationId: 'DrawUpContract',
    summary: 'Draw up a login contract for an organization managed by this node',
    tag: 'internal',
    responses: { 200: 'the contract text', 400: 'bad input or no organization credential', 404: 'no such template' },
  })
  async drawUp(@Body() body: DrawUpContractRequest): Promise<ContractResponse> {
    const validFrom = body.validFrom === undefined ? new Date() : parseRequestTime('validFrom', body.validFrom);
    const validDuration = this.duration(body.validDuration);
    const template = findTemplate(body.language, body.type, body.version ?? '');
    if (template === undefined) throw new NutshellError('NOT_FOUND', 'no contract found for given combination of type, version, and language');
    assertLegalEntityDid(body.legalEntity);
    try {
      const organization = await this.resolver.resolveOrganization(body.legalEntity, {
        at: validFrom,
        ...(body.organizationCredential === undefined ? {} : { credential: body.organizationCredential }),
      });
      const contract = drawUpContract({ template, legalEntity: organization.name, legalEntityCity: organization.city, validFrom, validDuration });
      return { language: template.language, message: contract.text, type: template.type, version: template.version };
    } catch (error) {
      throw notaryError(error);
    }
  }

  // Nuts fixes 60 minutes; nutshell takes the configured default for an absent or zero duration.
  private duration(value: string | undefined): string {
    const fallback = `${this.config.contract.defaultValidityMinutes}m`;
    if (value === undefined) return fallback;
    const simple = parseSimpleGoDuration(value);
    if (simple !== undefined) return simple === 0 ? fallback : value;
    const parsed = parseGoDuration(value);
    if (!parsed.ok) throw new NutshellError('INVALID_INPUT', `could not parse validDuration: ${parsed.error}`);
    return parsed.nanoseconds === 0n ? fallback : value;
  }
}
