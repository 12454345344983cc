import { generateLoad, type LoadJob } from './load-generator.js';

// Entry of the load-generator process: a LoadJob as JSON on stdin, the LoadOutcome as JSON on stdout. Keeping the
// generator out of the measured process lets the benchmark read the server's own CPU time per request.
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => (input += chunk));
process.stdin.on('end', () => {
  generateLoad(JSON.parse(input) as LoadJob).then(
    (outcome) => process.stdout.write(JSON.stringify(outcome)),
    (error: unknown) => {
      process.stderr.write(String(error));
      process.exitCode = 1;
    },
  );
});
