import { Body, Controller, Inject, Post, UseGuards } from '@nestjs/common';
import { type CreatedSignSession, MeansRegistry } from '#means';
import { Operation } from '../../http/operation.decorator.js';
import { JsonBodyGuard } from '../http/json-body.guard.js';
import { LOGGER, type Logger } from '../../logging/logger.js';
import { SignSessionRequest } from './create-sign-session.dto.js';

@Controller('internal/auth/v1/signature')
export class CreateSignSessionController {
  constructor(
    private readonly means: MeansRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts a signing session; every refusal is a 400 `unable to create sign challenge: …`, as Nuts. */
  @Post('session')
  @UseGuards(JsonBodyGuard)
  @Operation({
    operationId: 'CreateSignSession',
    summary: 'Start a session in which a person signs a contract text with a signing means',
    tag: 'internal',
    responses: { 201: 'means, sessionID and the means-specific sessionPtr', 400: 'unknown means or unparseable contract' },
  })
  async create(@Body() body: SignSessionRequest): Promise<CreatedSignSession> {
    const session = await this.means.startSession(body.means, body.payload, body.params);
    this.logger.info({ means: session.means, sessionId: session.sessionID }, 'signing session started');
    return session;
  }
}
