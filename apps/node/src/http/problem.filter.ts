import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isNutshellError, toProblem } from '#errors';
import { fromHttpException } from './http-exception-mapping.js';
import { ROUTE_OPERATION_ID } from './operation.decorator.js';
import { LOGGER, type Logger } from '../logging/logger.js';

/** Writes every error as application/problem+json; unknown errors are logged and answered as a bare 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const error = isNutshellError(exception) ? exception : exception instanceof HttpException ? fromHttpException(exception, request) : undefined;
    if (error === undefined || error.status >= 500) {
      this.logger.error({ err: exception, method: request.method, route: request.routeOptions?.url }, 'request failed');
    }
    // Errors Fastify raises while reading the request (before the operation ran) keep their own title.
    const beforeOperation = exception instanceof HttpException && String((exception.cause as { code?: unknown } | undefined)?.code ?? '').startsWith('FST_');
    const operation = beforeOperation ? undefined : (request.routeOptions?.config as unknown as Record<string, unknown> | undefined)?.[ROUTE_OPERATION_ID];
    const problem = toProblem(error ?? exception, typeof operation === 'string' ? `${operation} failed` : undefined);
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }
}
