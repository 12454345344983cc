// jsonld (a dependency of @digitalbazaar/vc) ships no types; only what nutshell calls.
declare module 'jsonld' {
  type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  interface Options {
    documentLoader?: DocumentLoader;
    safe?: boolean;
  }
  const jsonld: {
    expand(input: object, options?: Options): Promise<object[]>;
    canonize(input: object, options?: Options & { algorithm?: 'URDNA2015' | 'RDFC-1.0'; format?: 'application/n-quads' }): Promise<string>;
  };
  export default jsonld;
}
