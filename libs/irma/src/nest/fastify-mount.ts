import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NutshellError } from '#errors';
import { errorResponse, routeNotFound } from '../protocol/responses.js';
import type { EventSink, ProtocolContext, ProtocolRequest, ProtocolResponse, ProtocolRoute } from '../protocol/types.js';

/** irmago's `PostSizeLimit`. */
const BODY_LIMIT = 10 << 20;

/** irmago's daemon answers every origin; browsers on the requestor's site call the client endpoints. */
const CORS_HEADERS = { 'access-control-allow-origin': '*' };
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, DELETE',
  'access-control-allow-headers': 'Accept, Authorization, Content-Type, Cache-Control',
};
const ALL_METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS'] as const;

/** One route group to mount. */
export interface MountOptions {
  /** URL prefix of this route group, e.g. `/irma`; '' for the root. */
  readonly prefix: string;
  readonly routes: readonly ProtocolRoute[];
  /** Answer unknown paths under the prefix with irmago's 404 body (never for the root prefix). */
  readonly ownNotFound: boolean;
}

/**
 * Registers one route group as an encapsulated Fastify plugin: its own body handling (raw text,
 * so bad JSON becomes an irmago error instead of Fastify's), its own 404/405 and error bodies, and
 * server-sent events on the raw socket. The rest of the application is not affected.
 */
export function mountProtocolRoutes(fastify: FastifyInstance, context: ProtocolContext, options: MountOptions): void {
  const trailingSlashIgnored = fastify.initialConfig.ignoreTrailingSlash === true;
  void fastify.register(
    async (instance) => {
      instance.removeAllContentTypeParsers();
      instance.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));
      instance.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
        const status = error.statusCode ?? 500;
        const mapped =
          status === 413
            ? new NutshellError('PAYLOAD_TOO_LARGE', 'request body too large')
            : status >= 400 && status < 500
              ? new NutshellError('IRMA_INVALID_REQUEST', 'the request could not be read')
              : error;
        void send(reply, errorResponse(mapped));
      });
      if (options.ownNotFound) instance.setNotFoundHandler((_request, reply) => void send(reply, routeNotFound(404)));

      const byPath = new Map<string, ProtocolRoute[]>();
      for (const route of options.routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
      for (const [path, routes] of byPath) {
        const urls = trailingSlashIgnored ? [path] : [path, `${path}/`];
        for (const url of urls) {
          instance.route({
            method: [...ALL_METHODS],
            url,
            bodyLimit: BODY_LIMIT,
            handler: (request, reply) => dispatch(context, routes, request, reply),
          });
        }
      }
    },
    { prefix: options.prefix === '/' ? '' : options.prefix.replace(/\/+$/, '') },
  );
}

async function dispatch(context: ProtocolContext, routes: readonly ProtocolRoute[], request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const route = routes.find((candidate) => candidate.method === request.method);
  if (route === undefined) {
    if (request.method === 'OPTIONS') return send(reply, { status: 204, headers: PREFLIGHT_HEADERS, body: '' });
    return send(reply, routeNotFound(405));
  }
  const protocolRequest = toProtocolRequest(request);
  if (route.kind === 'plain') return send(reply, await route.handle(context, protocolRequest));

  reply.hijack();
  const raw = reply.raw;
  const sink: EventSink = {
    open: (headers) => {
      raw.writeHead(200, headers);
      raw.flushHeaders();
    },
    write: (chunk) => {
      if (!raw.writableEnded) raw.write(chunk);
    },
    end: () => {
      if (!raw.writableEnded) raw.end();
    },
    onClose: (listener) => {
      raw.on('close', listener);
    },
  };
  try {
    const refused = await route.handle(context, protocolRequest, sink);
    if (refused !== undefined) writeRaw(reply, refused);
  } catch (error) {
    if (!raw.headersSent) writeRaw(reply, errorResponse(error));
    else sink.end();
  }
}

function toProtocolRequest(request: FastifyRequest): ProtocolRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: request.method,
    params: (request.params ?? {}) as Record<string, string>,
    headers,
    body: typeof request.body === 'string' ? request.body : undefined,
    remoteAddress: request.socket.remoteAddress,
  };
}

async function send(reply: FastifyReply, response: ProtocolResponse): Promise<void> {
  void reply.code(response.status).headers({ ...CORS_HEADERS, ...response.headers });
  // No payload at all for empty bodies, so no Content-Type is invented (irmago sends none).
  if (response.body === '') await reply.send();
  else await reply.send(response.body);
}

function writeRaw(reply: FastifyReply, response: ProtocolResponse): void {
  reply.raw.writeHead(response.status, { ...CORS_HEADERS, ...response.headers });
  reply.raw.end(response.body);
}
