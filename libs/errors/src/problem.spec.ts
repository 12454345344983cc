import { describe, expect, it } from 'vitest';
import { NutshellError, errorCatalog, toIrmaError, toOAuthError, toProblem } from './index.js';

describe('error mapping', () => {
  it('maps a nutshell error to problem+json with its status, title and detail', () => {
    const problem = toProblem(new NutshellError('CONTRACT_EXPIRED', 'contract expired at 12:00'), 'VerifySignature failed');
    expect(problem).toEqual({ title: 'VerifySignature failed', status: 400, detail: 'contract expired at 12:00', code: 'CONTRACT_EXPIRED' });
  });

  it('hides everything of an unknown error', () => {
    const problem = toProblem(new Error('secret=hunter2 at /srv/app.js:12'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });

  it('uses irmago names and descriptions for IRMA errors', () => {
    expect(toIrmaError(new NutshellError('IRMA_SESSION_UNKNOWN', 'no such session'))).toEqual({
      status: 400, error: 'SESSION_UNKNOWN', description: 'Unknown or expired session', message: 'no such session',
    });
    expect(toIrmaError(new TypeError('x'))).toEqual({ status: 500, error: 'INTERNAL_ERROR', description: 'Internal server error' });
  });

  it('maps to OAuth error names', () => {
    expect(toOAuthError(new NutshellError('CONTRACT_EXPIRED', 'late'))).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'late' } });
  });

  it('gives every code a 4xx or 5xx status', () => {
    for (const spec of Object.values(errorCatalog)) expect(spec.status).toBeGreaterThanOrEqual(400);
  });
});
