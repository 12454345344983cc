import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { NutshellError } from '#errors';

// application/json and structured-syntax JSON types (application/problem+json, …), with or without parameters.
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Refuses a request body that is not JSON with 415, as the Nuts API does. Needed because the Fastify adapter
 * also parses form and plain-text bodies, which would otherwise reach validation as if they were JSON.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const contentType = context.switchToHttp().getRequest<FastifyRequest>().headers['content-type'];
    if (contentType === undefined || JSON_MEDIA_TYPE.test(contentType)) return true;
    throw new NutshellError('UNSUPPORTED_MEDIA_TYPE', 'request body must be application/json');
  }
}
