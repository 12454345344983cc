import { Inject, Module, type DynamicModule, type OnModuleInit, type Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { NutshellError } from '#errors';
import { CLIENT_ROUTES, REQUESTOR_ROUTES } from '../protocol/routes.js';
import type { ProtocolContext } from '../protocol/types.js';
import type { IrmaSessionEngine } from '../session/index.js';
import { mountProtocolRoutes } from './fastify-mount.js';

/** How the IRMA endpoints are mounted. */
export interface IrmaModuleOptions {
  readonly engine: IrmaSessionEngine;
  /** Prefix of the app and frontend endpoints (default `/irma`); must match the engine's `urlPrefix` path. */
  readonly prefix?: string;
  /**
   * Prefix of the requestor endpoints (`POST /session`, `/session/{token}/…`), default `/` as in
   * irmago's daemon; false leaves them out (e.g. when the node starts sessions itself).
   */
  readonly requestorPrefix?: string | false;
  /** Who may call the requestor endpoints; default loopback only, as they have no authentication yet. */
  readonly requestorAccess?: 'loopback' | 'any';
  /** Server-sent events (default on; irmago's default is off). */
  readonly sse?: boolean;
}

/** Options for `forRootAsync`, so the engine can come from other providers (store, verifier, config). */
export interface IrmaModuleAsyncOptions {
  readonly imports?: DynamicModule['imports'];
  readonly inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
  readonly useFactory: (...args: never[]) => IrmaModuleOptions | Promise<IrmaModuleOptions>;
}

/** Injection token of the module's `IrmaModuleOptions`. */
export const IRMA_MODULE_OPTIONS = Symbol('IRMA_MODULE_OPTIONS');

/** Mounts the routes on the Fastify instance under Nest once the module initialises. */
class IrmaRoutesMounter implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(IRMA_MODULE_OPTIONS) private readonly options: IrmaModuleOptions,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (fastify === undefined || typeof fastify.register !== 'function' || typeof fastify.addContentTypeParser !== 'function') {
      throw new NutshellError('CONFIG_INVALID', 'IrmaModule needs the Nest Fastify adapter');
    }
    const context: ProtocolContext = {
      engine: this.options.engine,
      sse: this.options.sse ?? true,
      requestorAccess: this.options.requestorAccess ?? 'loopback',
    };
    mountProtocolRoutes(fastify, context, { prefix: this.options.prefix ?? '/irma', routes: CLIENT_ROUTES, ownNotFound: true });
    const requestorPrefix = this.options.requestorPrefix ?? '/';
    if (requestorPrefix !== false) mountProtocolRoutes(fastify, context, { prefix: requestorPrefix, routes: REQUESTOR_ROUTES, ownNotFound: false });
  }
}

/**
 * The IRMA client protocol (app + frontend) and the requestor endpoints a Yivi web client needs,
 * served by an `IrmaSessionEngine`. Routes are registered directly on Fastify (an encapsulated
 * plugin per prefix) so bodies, errors and unknown routes are byte-compatible with irmago.
 *
 * ```ts
 * IrmaModule.forRootAsync({
 *   inject: [SESSION_STORES, PROOF_VERIFIER],
 *   useFactory: (stores, verifier) => ({
 *     engine: new IrmaSessionEngine({ store: stores.get('irma'), verifier, urlPrefix: 'https://node.example/irma', production: true }),
 *     prefix: '/irma',
 *   }),
 * })
 * ```
 * The engine's `urlPrefix` path must end in the module's `prefix`. The requestor endpoints have no
 * authentication yet and only answer loopback peers (requestor authentication is the next issue).
 */
@Module({})
export class IrmaModule {
  /** Mounts the endpoints for a ready engine. */
  static forRoot(options: IrmaModuleOptions): DynamicModule {
    return IrmaModule.build([{ provide: IRMA_MODULE_OPTIONS, useValue: options }]);
  }

  /** Mounts the endpoints for an engine built from other providers. */
  static forRootAsync(options: IrmaModuleAsyncOptions): DynamicModule {
    const provider: Provider = { provide: IRMA_MODULE_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] };
    return { ...IrmaModule.build([provider]), imports: options.imports ?? [] };
  }

  private static build(providers: Provider[]): DynamicModule {
    return { module: IrmaModule, providers: [...providers, IrmaRoutesMounter], exports: [IRMA_MODULE_OPTIONS] };
  }
}
