import { cpus } from 'node:os';
import { benchProofD } from './idemix/proofd.js';
import { benchNodeHttp } from './node/http.js';
import type { BenchResult } from './result.js';

/** `npm run bench`: every speed and memory target of the project in one run, printed as a table. */
async function main(): Promise<void> {
  const sections: [string, () => Promise<readonly BenchResult[]>][] = [
    ['Idemix ProofD verification', () => benchProofD()],
    ['Node HTTP (autocannon)', () => benchNodeHttp()],
  ];
  console.log(`nutshell bench: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'})`);
  let missed = 0;
  for (const [title, run] of sections) {
    console.log(`\n## ${title}`);
    for (const r of await run()) {
      const mark = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
      if (r.ok === false) missed++;
      console.log(`${r.name.padEnd(52)} ${r.value.toFixed(r.value < 10 ? 2 : 0).padStart(10)} ${r.unit.padEnd(8)} ${r.goal ?? ''}${mark}`);
    }
  }
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`\npeak-ish RSS of the bench process: ${rss.toFixed(0)} MiB; goals missed: ${missed}`);
}

await main();
