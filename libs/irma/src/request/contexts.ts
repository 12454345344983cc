import type { SessionType } from './types.js';

/** JSON-LD `@context` values of irmago messages. */
export const LD_CONTEXT = {
  disclosing: 'https://irma.app/ld/request/disclosure/v2',
  signing: 'https://irma.app/ld/request/signature/v2',
  issuing: 'https://irma.app/ld/request/issuance/v2',
  clientRequest: 'https://irma.app/ld/request/client/v1',
  options: 'https://irma.app/ld/options/v1',
  frontendOptions: 'https://irma.app/ld/request/frontendoptions/v1',
  signature: 'https://irma.app/ld/signature/v2',
} as const;

/** The session type an `@context` selects, if it is a session request context. */
export function sessionTypeOfContext(context: unknown): SessionType | undefined {
  switch (context) {
    case LD_CONTEXT.disclosing:
      return 'disclosing';
    case LD_CONTEXT.signing:
      return 'signing';
    case LD_CONTEXT.issuing:
      return 'issuing';
    default:
      return undefined;
  }
}
