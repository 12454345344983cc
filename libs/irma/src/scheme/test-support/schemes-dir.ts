import { fileURLToPath } from 'node:url';

/** The shared real `irma_configuration` (irma-demo, pbdf) tests read; `IRMA_SCHEMES_DIR` overrides it. */
export function sharedSchemesDir(): string {
  const fromEnv = process.env['IRMA_SCHEMES_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return fileURLToPath(new URL('../../../../../../shared/irma_configuration', import.meta.url));
}
