import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type NodeConfig } from '#config';
import { createNodeApp } from '../../apps/node/src/app.factory.js';

export interface TestNode {
  readonly url: string;
  readonly config: NodeConfig;
  readonly app: NestFastifyApplication;
  /** fetch relative to the node, JSON body when `json` is given. */
  request(method: string, path: string, init?: { json?: unknown; body?: string; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** The real irma-demo and pbdf schemes in ../shared (never downloaded in tests). */
export const sharedSchemesDir = (): string => process.env['IRMA_SCHEMES_DIR'] ?? resolve(process.cwd(), '../shared/irma_configuration');

/** A free TCP port on loopback, so the public URL can name the port before the node listens. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a real node on loopback with a fresh data dir; `env` holds NUTSHELL_ settings. */
export async function startTestNode(env: Record<string, string> = {}, options: { datadir?: string } = {}): Promise<TestNode> {
  const datadir = options.datadir ?? mkdtempSync(join(tmpdir(), 'nutshell-node-'));
  const port = env['NUTSHELL_PORT'] ? Number(env['NUTSHELL_PORT']) : await freePort();
  const config = loadConfig({
    argv: [],
    env: { NUTSHELL_LOG_LEVEL: 'silent', NUTSHELL_DATADIR: datadir, NUTSHELL_PORT: String(port), NUTSHELL_IRMA_SCHEMES_UPDATE: '0', NUTSHELL_IRMA_SCHEMES_ASSETS_PATH: sharedSchemesDir(), NUTSHELL_IRMA_WORKERS: '0', ...env },
    cwd: datadir,
  });
  const app = await createNodeApp(config);
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    config,
    app,
    request: (method, path, init = {}) =>
      fetch(url + path, {
        method,
        headers: { ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      }),
    async close() {
      await app.close();
      if (!options.datadir) rmSync(datadir, { recursive: true, force: true });
    },
  };
}
