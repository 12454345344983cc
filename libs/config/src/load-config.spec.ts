import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import { loadConfig } from './index.js';

const dir = () => mkdtempSync(join(tmpdir(), 'nutshell-config-'));

describe('loadConfig', () => {
  it('has embedded defaults', () => {
    const cwd = dir();
    const config = loadConfig({ argv: [], env: {}, cwd });
    expect(config.port).toBe(1323);
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBe('http://localhost:1323');
    expect(config.datadir).toBe(join(cwd, 'data'));
    expect(config.strictMode).toBe(false);
    expect(config.sessionStore).toEqual({ kind: 'memory' });
    expect(config.means).toEqual(['dummy', 'irma']);
    expect(config.irma.schemesPath).toBe(join(cwd, 'data', 'irma'));
    expect(config.contract.defaultValidityMinutes).toBe(60);
  });

  it('derives the public URL from the port', () => {
    expect(loadConfig({ env: { NUTSHELL_PORT: '8080' }, cwd: dir() }).publicUrl).toBe('http://localhost:8080');
  });

  it('takes flags over env over file', () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'nutshell.yaml'), 'port: 1000\nhost: 0.0.0.0\ncontract:\n  validityMinutes: 30\n');
    const fromFile = loadConfig({ env: {}, cwd });
    expect([fromFile.port, fromFile.host, fromFile.contract.defaultValidityMinutes]).toEqual([1000, '0.0.0.0', 30]);
    const fromEnv = loadConfig({ env: { NUTSHELL_PORT: '2000' }, cwd });
    expect([fromEnv.port, fromEnv.host]).toEqual([2000, '0.0.0.0']);
    const fromFlag = loadConfig({ argv: ['--port', '3000'], env: { NUTSHELL_PORT: '2000' }, cwd });
    expect(fromFlag.port).toBe(3000);
  });

  it('reads a JSON config file named by --config', () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'c.json'), JSON.stringify({ sessionStore: 'redis', redisUrl: 'redis://127.0.0.1:6390' }));
    const config = loadConfig({ argv: ['--config=c.json'], env: {}, cwd });
    expect(config.sessionStore).toEqual({ kind: 'redis', url: 'redis://127.0.0.1:6390', keyPrefix: 'nutshell:' });
  });

  it.each([
    [{ NUTSHELL_PORT: 'eighty' }, /NUTSHELL_PORT: expected a whole number/],
    [{ NUTSHELL_PORT: '70000' }, /between 0 and 65535/],
    [{ NUTSHELL_STRICTMODE: 'maybe' }, /NUTSHELL_STRICTMODE: expected true or false/],
    [{ NUTSHELL_SESSION_STORE: 'mongo' }, /must be one of memory, redis/],
    [{ NUTSHELL_PUBLIC_URL: 'not a url' }, /not a valid URL/],
    [{ NUTSHELL_REDIS_URL: 'http://u:secretpw@host' }, /redis:\/\//],
    [{ NUTSHELL_MEANS: 'dummy,fax' }, /unknown value 'fax'/],
  ])('refuses %o with a clear message', (env, message) => {
    const attempt = () => loadConfig({ env, cwd: dir() });
    expect(attempt).toThrow(NutshellError);
    expect(attempt).toThrow(message);
  });

  it('never echoes a password of a Redis URL', () => {
    try {
      loadConfig({ env: { NUTSHELL_REDIS_URL: 'redis://:supersecret@[bad' }, cwd: dir() });
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('supersecret');
    }
  });

  it('refuses unknown flags and unknown file options', () => {
    expect(() => loadConfig({ argv: ['--prot', '1'], env: {}, cwd: dir() })).toThrow(/unknown flag '--prot'/);
    const cwd = dir();
    writeFileSync(join(cwd, 'nutshell.yaml'), 'prot: 1\n');
    expect(() => loadConfig({ env: {}, cwd })).toThrow(/unknown option 'prot'/);
  });

  it('refuses the dummy means and insecure settings in strict mode', () => {
    expect(() => loadConfig({ env: { NUTSHELL_STRICTMODE: 'true', NUTSHELL_MEANS: 'dummy' }, cwd: dir() })).toThrow(/dummy means is not allowed/);
    expect(() => loadConfig({ env: { NUTSHELL_STRICTMODE: 'true' }, cwd: dir() })).toThrow(/https/);
    const config = loadConfig({
      env: { NUTSHELL_STRICTMODE: 'true', NUTSHELL_PUBLIC_URL: 'https://node.example', NUTSHELL_KEYSTORE_PASSPHRASE: 'correct horse battery' },
      cwd: dir(),
    });
    expect(config.means).toEqual(['irma']);
  });
});
