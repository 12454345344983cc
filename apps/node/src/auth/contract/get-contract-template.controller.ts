import { Controller, Get, Param, Query } from '@nestjs/common';
import { findTemplate } from '#contract';
import { NutshellError } from '#errors';
import { Operation } from '../../http/operation.decorator.js';

/** Nuts `Contract`: a template as the public API shows it. */
export interface ContractTemplateResponse {
  readonly language: string;
  readonly template: string;
  readonly template_attributes: readonly string[];
  readonly type: string;
  readonly version: string;
}

@Controller('public/auth/v1/contract')
export class GetContractTemplateController {
  /** Exact-case lookup with no `nl` default and empty version → v3, quirks included, as Nuts. */
  @Get(':contractType')
  @Operation({
    operationId: 'GetContractByType',
    summary: 'Contract template by type, language (NL/EN, exact case) and version',
    tag: 'public',
    responses: { 200: 'the template', 404: 'no such template' },
  })
  get(
    @Param('contractType') contractType: string,
    @Query('language') language?: unknown,
    @Query('version') version?: unknown,
  ): ContractTemplateResponse {
    const template =
      typeof language === 'string' && (version === undefined || typeof version === 'string')
        ? findTemplate(language, contractType, version ?? '')
        : undefined;
    if (template === undefined) throw new NutshellError('NOT_FOUND', 'could not find contract template');
    return {
      language: template.language,
      template: template.template,
      template_attributes: template.templateAttributes,
      type: template.type,
      version: template.version,
    };
  }
}
