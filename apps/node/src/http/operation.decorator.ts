import { applyDecorators, SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';

export const OPERATION_METADATA = 'nutshell:operation';

/** Describes an endpoint for the OpenAPI document and names it in error titles (`<operationId> failed`). */
export interface OperationInfo {
  /** Nuts-style operation id, e.g. `DrawUpContract`. */
  readonly operationId: string;
  readonly summary: string;
  /** Which interface the endpoint belongs to: internal (EHR-facing), public (browsers, apps), n2n (other nodes). */
  readonly tag: 'internal' | 'public' | 'n2n' | 'node' | 'irma';
  /** Main success status and a short description of the body. */
  readonly responses?: Readonly<Record<number, string>>;
}

/** Fastify route config key under which the problem filter finds the operation id. */
export const ROUTE_OPERATION_ID = 'nutshellOperationId';

/**
 * Marks a controller method as an API operation. The id also goes into the Fastify route config, so the problem
 * filter can title errors without a per-request interceptor (an interceptor costs every request an rxjs pipeline).
 */
export const Operation = (info: OperationInfo): MethodDecorator =>
  applyDecorators(SetMetadata(OPERATION_METADATA, info), RouteConfig({ [ROUTE_OPERATION_ID]: info.operationId }));
