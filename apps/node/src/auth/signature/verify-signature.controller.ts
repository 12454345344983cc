import { Body, Controller, HttpCode, Inject, Put, UseGuards } from '@nestjs/common';
import { NutshellError } from '#errors';
import { type AttributeMap, MeansRegistry } from '#means';
import { Operation } from '../../http/operation.decorator.js';
import { JsonBodyGuard } from '../http/json-body.guard.js';
import { LOGGER, type Logger } from '../../logging/logger.js';
import { parseRequestTime } from '../time/parse-request-time.js';
import { SignatureVerificationRequest } from './verify-signature.dto.js';

/** Nuts `SignatureVerificationResponse`: the reason of an invalid presentation is never returned. */
export type SignatureVerificationResponse =
  | { readonly validity: true; readonly vpType: string; readonly issuerAttributes: AttributeMap; readonly credentials: AttributeMap }
  | { readonly validity: false };

@Controller('internal/auth/v1/signature')
export class VerifySignatureController {
  constructor(
    private readonly means: MeansRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Verifies a presentation at `checkTime` (default now) with the means of its custom type. */
  @Put('verify')
  @UseGuards(JsonBodyGuard)
  @HttpCode(200)
  @Operation({
    operationId: 'VerifySignature',
    summary: 'Verify a verifiable presentation of a signing means',
    tag: 'internal',
    responses: { 200: 'validity, and for valid ones vpType, issuerAttributes and credentials', 400: 'unreadable presentation or checkTime' },
  })
  async verify(@Body() body: SignatureVerificationRequest): Promise<SignatureVerificationResponse> {
    const presentation = body.verifiablePresentation ?? body.VerifiablePresentation;
    if (presentation === undefined || presentation === null) throw new NutshellError('INVALID_INPUT', 'verifiablePresentation is required');
    const checkTime = body.checkTime === undefined ? new Date() : parseRequestTime('checkTime', body.checkTime);
    const result = await this.means.verify(presentation, checkTime);
    if (result.validity) return result;
    this.logger.warn({ reason: result.reason }, 'Signature verification failed');
    return { validity: false };
  }
}
