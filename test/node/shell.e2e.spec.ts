import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/test-node.js';

describe('node shell', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode();
  });
  afterAll(async () => node.close());

  it('answers GET /status with 200 OK when ready', async () => {
    const res = await node.request('GET', '/status');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('OK');
  });

  it('reports health as JSON', async () => {
    const res = await node.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ status: 'UP', details: { sessionStore: { status: 'UP', kind: 'memory' } } });
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await node.request('GET', '/nope?x=1');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toEqual({ title: 'Not found', status: 404, detail: 'no route for GET /nope', code: 'NOT_FOUND' });
  });

  it('serves an OpenAPI document listing its own routes', async () => {
    const res = await node.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/status']?.['get']?.operationId).toBe('GetStatus');
    expect(doc.paths['/health']?.['get']?.operationId).toBe('GetHealth');
  });
});
