import { loadConfig, options, envName, flagName, redactUrl } from '#config';
import { runIrmaVerify } from '#irma';
import { startNode } from '../start-node.js';

export interface CommandIo {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Resolves to the exit code; a long-running command resolves once it is up. */
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

const start: Command = {
  name: 'start',
  summary: 'run the node (flags as in `nutshell config --help`)',
  async run(argv) {
    await startNode(loadConfig({ argv }));
    return -1;
  },
};

const config: Command = {
  name: 'config',
  summary: 'print the effective configuration (secrets hidden), or --help for all options',
  async run(argv, io) {
    if (argv.includes('--help')) {
      for (const o of options) io.stdout.write(`${flagName(o.key).padEnd(30)} ${envName(o.key).padEnd(36)} ${o.description}\n`);
      io.stdout.write(`${'--config FILE'.padEnd(30)} ${'NUTSHELL_CONFIGFILE'.padEnd(36)} YAML or JSON config file (default ./nutshell.yaml if present)\n`);
      return 0;
    }
    const c = loadConfig({ argv });
    const shown = {
      ...c,
      sessionStore: c.sessionStore.kind === 'redis' ? { ...c.sessionStore, url: redactUrl(c.sessionStore.url) } : c.sessionStore,
      keystore: { passphrase: c.keystore.passphrase === undefined ? null : '***' },
    };
    io.stdout.write(JSON.stringify(shown, null, 2) + '\n');
    return 0;
  },
};

const irma: Command = {
  name: 'irma',
  summary: 'IRMA engine tools: `nutshell irma verify --schemes DIR [--request FILE] [--trust-timestamp-key B64]... FILE`',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'verify') return runIrmaVerify(rest, { stdout: io.stdout, stderr: io.stderr, stdin: process.stdin });
    io.stderr.write(`usage: nutshell irma verify --schemes DIR [--request FILE] [--trust-timestamp-key BASE64]... FILE\n`);
    return 2;
  },
};

/** Every subcommand of the `nutshell` binary. */
export const commands: readonly Command[] = [start, config, irma];
