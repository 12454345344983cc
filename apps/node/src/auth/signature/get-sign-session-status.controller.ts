import { Controller, Get, Param } from '@nestjs/common';
import { MeansRegistry, type VerifiablePresentation } from '#means';
import { Operation } from '../../http/operation.decorator.js';

/** Nuts `SignSessionStatusResponse`. */
export interface SignSessionStatusResponse {
  readonly status: string;
  readonly verifiablePresentation?: VerifiablePresentation;
}

@Controller('internal/auth/v1/signature')
export class GetSignSessionStatusController {
  constructor(private readonly means: MeansRegistry) {}

  /** The session's status; for dummy every call also advances it. 404 `failed to get session status for <id>, …`. */
  @Get('session/:sessionID')
  @Operation({
    operationId: 'GetSignSessionStatus',
    summary: 'Status of a signing session, with the verifiable presentation once signed',
    tag: 'internal',
    responses: { 200: 'status and, when completed, verifiablePresentation', 404: 'unknown or finished session' },
  })
  async status(@Param('sessionID') sessionId: string): Promise<SignSessionStatusResponse> {
    const status = await this.means.sessionStatus(sessionId);
    return status.status === 'completed' ? { status: status.status, verifiablePresentation: status.verifiablePresentation } : { status: status.status };
  }
}
