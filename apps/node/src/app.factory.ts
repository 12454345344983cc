import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NodeConfig } from '#config';
import { AppModule } from './app.module.js';
import { createLogger, NestPinoLogger, type Logger } from './logging/logger.js';

/** Largest request body the node accepts (1 MiB); larger ones get 413. */
export const BODY_LIMIT = 1024 * 1024;

export interface CreateNodeAppOptions {
  readonly logger?: Logger;
}

/** Builds and initialises the node's Nest application (not yet listening). */
export async function createNodeApp(config: NodeConfig, options: CreateNodeAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(config.log.level);
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT, loggerInstance: logger });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
