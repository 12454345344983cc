import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Compiles what a ProofVerifierPool worker runs into dist/ (workers run compiled JavaScript; a no-op for content
 * after `npm run build`).
 */
export function buildProofVerifierWorker(): void {
  const tsc = fileURLToPath(new URL('../../../../../node_modules/typescript/bin/tsc', import.meta.url));
  const project = fileURLToPath(new URL('../pool/tsconfig.worker.json', import.meta.url));
  execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'pipe' });
}
