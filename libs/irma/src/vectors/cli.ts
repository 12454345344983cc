#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { gabiVectorsDir, runVectorDir, type CaseOutcome } from './gabi-vectors.js';

/** Runs all gabi vectors and prints failures and the closing `N passed, M failed` line; returns the exit code. */
export function main(): number {
  const dir = gabiVectorsDir();
  let outcomes: CaseOutcome[] = [];
  if (existsSync(dir)) {
    try {
      outcomes = runVectorDir(dir);
    } catch (err) {
      console.log(`FAIL reading vectors: ${err instanceof Error ? err.message : String(err)}`);
      console.log('0 passed, 1 failed');
      return 1;
    }
  } else {
    console.log(`FAIL no vector directory at ${dir}`);
  }
  if (existsSync(dir) && outcomes.length === 0) console.log(`FAIL no vector cases found in ${dir}`);
  for (const o of outcomes) {
    if (!o.ok) console.log(`FAIL ${o.file} ${o.name}: expected ${String(o.expected)}, got ${String(o.actual)}`);
  }
  const passed = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || outcomes.length === 0 ? 1 : 0;
}

process.exitCode = main();
