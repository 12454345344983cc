import { mkdirSync } from 'node:fs';
import type { NodeConfig } from '#config';
import { createNodeApp } from './app.factory.js';
import { createLogger } from './logging/logger.js';

/** Starts the node and keeps it running until SIGINT/SIGTERM. */
export async function startNode(config: NodeConfig): Promise<void> {
  const logger = createLogger(config.log.level);
  mkdirSync(config.datadir, { recursive: true, mode: 0o700 });
  const app = await createNodeApp(config, { logger });
  await app.listen({ port: config.port, host: config.host });
  logger.info({ port: config.port, host: config.host, publicUrl: config.publicUrl, strictMode: config.strictMode, sessionStore: config.sessionStore.kind, means: config.means }, 'nutshell node started');
}
