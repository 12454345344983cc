import { benchNodeHttp } from './http.js';

// `node dist/bench/node/cli.js [seconds] [rounds]`: runs the node HTTP benchmark and prints its figures.
const seconds = Number(process.argv[2] ?? '5');
const rounds = Number(process.argv[3] ?? '3');
const results = await benchNodeHttp({
  durationSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 5,
  rounds: Number.isInteger(rounds) && rounds > 0 ? rounds : 3,
});
for (const r of results) {
  const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
  console.log(`${r.name.padEnd(55)} ${String(r.value).padStart(8)} ${r.unit}${r.goal ? `  (goal ${r.goal})` : ''}${verdict}`);
}
