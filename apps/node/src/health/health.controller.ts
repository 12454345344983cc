import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { Operation } from '../http/operation.decorator.js';
import { SessionStores } from '../store/session-stores.js';

@Controller()
export class HealthController {
  constructor(
    private readonly stores: SessionStores,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  @Get('status')
  @Header('content-type', 'text/plain; charset=utf-8')
  @Operation({ operationId: 'GetStatus', summary: 'Liveness: answers OK when the node is up', tag: 'node', responses: { 200: 'the text OK' } })
  status(): string {
    return 'OK';
  }

  @Get('health')
  @Operation({ operationId: 'GetHealth', summary: 'Health of the node and its session store as JSON', tag: 'node', responses: { 200: 'healthy', 503: 'a dependency is down' } })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<object> {
    const store = await this.stores.healthy();
    const status = store ? 'UP' : 'DOWN';
    if (!store) void reply.status(503);
    return {
      status,
      details: {
        sessionStore: { status: store ? 'UP' : 'DOWN', kind: this.config.sessionStore.kind },
        strictMode: this.config.strictMode,
        means: this.config.means,
      },
    };
  }
}
