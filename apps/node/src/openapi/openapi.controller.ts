import { Controller, Get, Inject } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { Operation } from '../http/operation.decorator.js';
import { buildOpenApi } from './build-openapi.js';

@Controller()
export class OpenApiController {
  private document: object | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  @Get('openapi.json')
  @Operation({ operationId: 'GetOpenApi', summary: 'This OpenAPI document', tag: 'node' })
  openapi(): object {
    this.document ??= buildOpenApi(this.discovery, this.scanner, { version: '0.1.0', serverUrl: this.config.publicUrl });
    return this.document;
  }
}
