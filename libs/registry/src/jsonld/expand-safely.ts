import jsonld from 'jsonld';
import { describeJsonLdError } from './describe-error.js';
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
    return describeJsonLdError(error);
  }
}
