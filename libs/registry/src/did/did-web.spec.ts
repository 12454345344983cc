import { describe, expect, it } from 'vitest';
import { isDid } from './did-syntax.js';
import { didWebBase, didWebDocumentUrl, didWebFor, localIdOf } from './did-web.js';

describe('did:web encoding', () => {
  it.each([
    ['http://localhost:1323', 'did:web:localhost%3A1323'],
    ['https://node.example', 'did:web:node.example'],
    ['https://Node.Example:8443', 'did:web:node.example%3A8443'],
    ['https://node.example/nuts/', 'did:web:node.example:nuts'],
    ['https://node.example:443/a/b', 'did:web:node.example:a:b'],
    ['https://node.example/with%20space', 'did:web:node.example:with%20space'],
  ])('%s → %s', (url, did) => {
    expect(didWebBase(url)).toBe(did);
    expect(isDid(did)).toBe(true);
  });

  it('puts our DIDs under :iam:<id> and recognises them', () => {
    const did = didWebFor('http://localhost:1323', 'org-1');
    expect(did).toBe('did:web:localhost%3A1323:iam:org-1');
    expect(localIdOf('http://localhost:1323', did)).toBe('org-1');
    expect(localIdOf('http://localhost:1324', did)).toBeUndefined();
    expect(localIdOf('http://localhost:1323', 'did:web:localhost%3A1323:iam:a:b')).toBeUndefined();
  });

  it('refuses ids that would need encoding or escape the path', () => {
    for (const id of ['', 'a b', 'a/b', 'a:b', '..', 'x'.repeat(129), 'é']) {
      expect(() => didWebFor('http://localhost:1323', id)).toThrow(/id:/);
    }
  });

  it('maps a did:web DID back to the URL of its document (did:web spec "Read")', () => {
    expect(didWebDocumentUrl('did:web:localhost%3A1323:iam:org-1').href).toBe('https://localhost:1323/iam/org-1/did.json');
    expect(didWebDocumentUrl('did:web:example.com').href).toBe('https://example.com/.well-known/did.json');
    expect(() => didWebDocumentUrl('did:key:z6Mk')).toThrow();
  });

  it('checks DID syntax', () => {
    expect(isDid('did:nuts:B8PUHs2AUHbFF1xLLK4eZjgErEcMXHxs68FteY7NDtCY')).toBe(true);
    for (const bad of ['did:web:', 'did:Web:x', 'did:web:x#frag', 'did:web:x/path', 'did:web:a%zz', 'web:x', 'did:web:x:', 'did:web:a b']) {
      expect([bad, isDid(bad)]).toEqual([bad, false]);
    }
  });
});
