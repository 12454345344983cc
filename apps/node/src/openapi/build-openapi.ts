import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import type { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { OPERATION_METADATA, type OperationInfo } from '../http/operation.decorator.js';

/** Nest's `RouteParamtypes` values we document. */
const BODY = 3;
const QUERY = 4;
const PARAM = 5;

interface RouteArg {
  index: number;
  data?: string;
}

type Json = Record<string, unknown>;

const problemSchema = {
  type: 'object',
  required: ['title', 'status', 'detail'],
  properties: { title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' } },
};

function joinPath(...parts: (string | undefined)[]): string {
  const path = parts.filter((p): p is string => !!p).map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p !== '').join('/');
  return '/' + path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Builds the OpenAPI 3.1 document from what the controllers declare: routes from Nest's routing metadata,
 * request bodies from the class-validator rules of the DTO the handler binds, so the document cannot
 * describe a shape the node does not accept.
 */
export function buildOpenApi(discovery: DiscoveryService, scanner: MetadataScanner, info: { version: string; serverUrl: string }): Json {
  const paths: Record<string, Json> = {};
  const dtoNames = new Set<string>();
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    const instance = wrapper.instance as object | undefined;
    if (!type || !instance) continue;
    const controllerPaths = ([] as string[]).concat((Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (type.prototype as Record<string, unknown>)[name] as object;
      const operation = Reflect.getMetadata(OPERATION_METADATA, handler) as OperationInfo | undefined;
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (!operation || methodPaths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!.toLowerCase();
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, RouteArg>;
      const paramTypes = (Reflect.getMetadata('design:paramtypes', type.prototype, name) ?? []) as unknown[];
      const parameters: Json[] = [];
      let requestBody: Json | undefined;
      for (const [key, arg] of Object.entries(args)) {
        const kind = Number(key.split(':')[0]);
        if (kind === PARAM && arg.data) parameters.push({ name: arg.data, in: 'path', required: true, schema: { type: 'string' } });
        if (kind === QUERY && arg.data) parameters.push({ name: arg.data, in: 'query', required: false, schema: { type: 'string' } });
        if (kind === BODY) {
          const dto = paramTypes[arg.index] as { name?: string } | undefined;
          const schema = dto?.name && dto.name !== 'Object' ? { $ref: `#/components/schemas/${dto.name}` } : { type: 'object' };
          if (dto?.name && dto.name !== 'Object') dtoNames.add(dto.name);
          requestBody = { required: true, content: { 'application/json': { schema } } };
        }
      }
      const responses: Json = {};
      for (const [status, description] of Object.entries(operation.responses ?? { 200: 'OK' })) responses[status] = { description };
      responses['4XX'] = { description: 'client error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
      responses['5XX'] = { description: 'server error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
      for (const cp of controllerPaths) {
        for (const mp of ([] as string[]).concat(methodPaths)) {
          const path = joinPath(cp, mp);
          paths[path] ??= {};
          paths[path][method] = {
            operationId: operation.operationId,
            summary: operation.summary,
            tags: [operation.tag],
            ...(parameters.length ? { parameters } : {}),
            ...(requestBody ? { requestBody } : {}),
            responses,
          };
        }
      }
    }
  }
  const all = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' }) as Record<string, Json>;
  const schemas: Record<string, Json> = { Problem: problemSchema };
  // Include the DTOs the routes bind and the nested DTOs they reference.
  const pending = [...dtoNames];
  while (pending.length) {
    const name = pending.pop()!;
    if (schemas[name] || !all[name]) continue;
    schemas[name] = all[name];
    for (const ref of JSON.stringify(all[name]).matchAll(/#\/components\/schemas\/([A-Za-z0-9_]+)/g)) pending.push(ref[1]!);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'nutshell', version: info.version, description: 'Nuts-style authentication node with an IRMA/Yivi engine' },
    servers: [{ url: info.serverUrl }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: { schemas },
  };
}
