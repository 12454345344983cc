import jsonld from 'jsonld';
import type { DocumentLoader } from './document-loader.js';

/**
 * Expands a JSON-LD document in safe mode: an undefined term or type is an error instead of being dropped.
 * Use it on documents whose proof is not a Linked Data signature (IRMA, UZI, dummy presentations), whose
 * content no LD proof covers. Returns the error message, or undefined when every term is defined.
 */
export async function safeModeProblem(document: object, documentLoader: DocumentLoader): Promise<string | undefined> {
  try {
    await jsonld.expand(structuredClone(document), { documentLoader, safe: true });
    return undefined;
  } catch (error) {
    const e = error as { message?: string; details?: { event?: { message?: string } } };
    return (e.details?.event?.message ?? e.message ?? 'invalid JSON-LD').split('\n')[0]!.slice(0, 300);
  }
}
