import { isNutshellError } from '#errors';
import { commands, type CommandIo } from './commands.js';

/** `nutshell <command> …`: dispatches to a subcommand; exit 2 on bad usage, never a stack trace. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (name === undefined || name === 'help' || name === '--help' || name === '-h' || !command) {
    const usage = ['usage: nutshell <command> [options]', '', 'commands:', ...commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`)].join('\n');
    if (command === undefined && name !== undefined && !['help', '--help', '-h'].includes(name)) {
      io.stderr.write(`unknown command '${name}'\n\n${usage}\n`);
      return 2;
    }
    io.stdout.write(usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.stderr.write(`nutshell ${name}: ${isNutshellError(e) ? e.detail : 'unexpected error'}\n`);
    if (!isNutshellError(e) && process.env['NUTSHELL_DEBUG']) io.stderr.write(String((e as Error).stack) + '\n');
    return isNutshellError(e) && e.code === 'CONFIG_INVALID' ? 2 : 1;
  }
}
