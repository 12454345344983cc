import { runCli } from './main.js';

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
// -1: a server was started and keeps the process alive.
if (code >= 0) process.exitCode = code;
