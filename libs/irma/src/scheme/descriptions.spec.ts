import { describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import { parseCredentialTypeDescription, parseIssuerDescription, parseSchemeDescription } from './descriptions.js';
import { validateDependencies } from './dependencies.js';
import type { CredentialType, Issuer, SchemeManager } from './types.js';

const schemeXml = (extra = '', id = 'demo-x', version = 7) => `<SchemeManager version="${version}">
  <Id>${id}</Id><Url>https://example.org/demo-x/</Url><Demo>true</Demo>
  <Name><en>X</en></Name>${extra}
</SchemeManager>`;

const demoScheme = (): SchemeManager => parseSchemeDescription(schemeXml('<Languages><Language>en</Language></Languages>'), 'demo-x/description.xml', 'demo-x', 1);
const prodScheme = (): SchemeManager => ({ ...demoScheme(), id: 'demo-x', demo: false });

const issuerXml = (name = 'Demo Issuer', id = 'iss') => `<Issuer version="4"><ID>${id}</ID><Name><en>${name}</en></Name><SchemeManager>demo-x</SchemeManager></Issuer>`;
const issuer = (): Issuer => parseIssuerDescription(issuerXml(), 'f', demoScheme(), 'iss');

function credXml(body: string, opts: { name?: string; id?: string } = {}): string {
  return `<IssueSpecification version="4">
  <Name><en>${opts.name ?? 'Demo Card'}</en></Name>
  <SchemeManager>demo-x</SchemeManager><IssuerID>iss</IssuerID><CredentialID>${opts.id ?? 'card'}</CredentialID>
  ${body}
</IssueSpecification>`;
}

function errorOf(fn: () => unknown): NutshellError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NutshellError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

const attrs = '<Attributes><Attribute id="a"><Name><en>A</en></Name></Attribute><Attribute id="b" optional="true" displayIndex="0" randomblind="true"/></Attributes>';

describe('scheme description', () => {
  it('reads the fields and strips the trailing slash of the URL', () => {
    const s = demoScheme();
    expect(s).toMatchObject({ id: 'demo-x', url: 'https://example.org/demo-x', demo: true, name: { en: 'X' }, languages: ['en'], timestamp: 1, xmlVersion: 7 });
  });
  it('refuses an old version, a folder mismatch and malformed XML', () => {
    expect(errorOf(() => parseSchemeDescription(schemeXml('', 'demo-x', 6), 'f', 'demo-x', 1)).code).toBe('SCHEME_INVALID');
    expect(errorOf(() => parseSchemeDescription(schemeXml(), 'demo-x/description.xml', 'other', 1)).detail)
      .toBe('demo-x/description.xml: <Id> demo-x does not match its folder other');
    expect(errorOf(() => parseSchemeDescription('<SchemeManager version="7"><Id>x</Id>', 'f', 'x', 1)).code).toBe('SCHEME_INVALID');
    const bomb = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${schemeXml().replace('<en>X</en>', '<en>&b;</en>')}`;
    expect(errorOf(() => parseSchemeDescription(bomb, 'f', 'demo-x', 1)).detail).toBe('f: DOCTYPE declarations are not allowed');
    expect(errorOf(() => parseSchemeDescription(schemeXml().replace('<Demo>true</Demo>', '<Demo>maybe</Demo>'), 'f', 'demo-x', 1)).code).toBe('SCHEME_INVALID');
  });
});

describe('issuer description', () => {
  it('demands the "Demo " prefix in demo schemes, for every listed language', () => {
    expect(errorOf(() => parseIssuerDescription(issuerXml('Issuer'), 'f', demoScheme(), 'iss')).detail).toContain('"Demo "');
    expect(parseIssuerDescription(issuerXml('Issuer'), 'f', prodScheme(), 'iss').name['en']).toBe('Issuer');
  });
  it('refuses a folder mismatch', () => {
    expect(errorOf(() => parseIssuerDescription(issuerXml('Demo I', 'other'), 'f', demoScheme(), 'iss')).code).toBe('SCHEME_INVALID');
  });
});

describe('credential type description', () => {
  const parse = (body: string, scheme = demoScheme(), opts: { name?: string; id?: string } = {}) =>
    parseCredentialTypeDescription(credXml(body, opts), 'demo-x/iss/Issues/card/description.xml', scheme, issuer(), 'card');

  it('reads attributes in file order with their flags', () => {
    const t = parse(`${attrs}<ShouldBeSingleton>true</ShouldBeSingleton>`);
    expect(t.id).toBe('demo-x.iss.card');
    expect(t.singleton).toBe(true);
    expect(t.attributes).toEqual([
      expect.objectContaining({ id: 'demo-x.iss.card.a', shortId: 'a', index: 0, optional: false }),
      expect.objectContaining({ id: 'demo-x.iss.card.b', shortId: 'b', index: 1, optional: true, displayIndex: 0, randomBlind: true }),
    ]);
    expect(t.attributes[0]!.randomBlind).toBeUndefined();
  });
  it('refuses a credential type without attributes', () => {
    expect(errorOf(() => parse('')).detail).toContain('no attributes');
  });
  it('refuses a non-demo name in a demo scheme', () => {
    expect(errorOf(() => parse(attrs, demoScheme(), { name: 'Card' })).code).toBe('SCHEME_INVALID');
  });
  it('ties revocation servers to exactly one id-less revocation attribute', () => {
    const servers = '<RevocationServers><RevocationServer>http://rev.example</RevocationServer></RevocationServers>';
    const revAttrs = '<Attributes><Attribute id="a"/><Attribute revocation="true"/></Attributes>';
    const t = parse(servers + revAttrs);
    expect(t.revocationServers).toEqual(['http://rev.example']);
    expect(t.revocationIndex).toBe(1);
    expect(errorOf(() => parse(servers + attrs)).detail).toContain('no revocation attribute');
    expect(errorOf(() => parse(revAttrs)).detail).toContain('no RevocationServers');
    expect(errorOf(() => parse(servers + '<Attributes><Attribute id="a" revocation="true"/></Attributes>')).detail).toContain('separate');
    expect(errorOf(() => parse(servers + '<Attributes><Attribute revocation="true" randomblind="true"/></Attributes>')).detail).toContain('randomblind');
    expect(errorOf(() => parse(servers + revAttrs, prodScheme(), { name: 'Card' })).detail).toContain('https://');
    expect(errorOf(() => parse(servers.replace('rev.example<', 'rev.example/<') + revAttrs)).detail).toContain('end with /');
  });
  it('refuses duplicate attribute ids', () => {
    expect(errorOf(() => parse('<Attributes><Attribute id="a"/><Attribute id="a"/></Attributes>')).detail).toContain('twice');
  });
  it('reads dependencies and keeps them inside the scheme', () => {
    const deps = '<Dependencies><Or><And><CredentialType>demo-x.iss.other</CredentialType></And></Or></Dependencies>';
    expect(parse(attrs + deps).dependencies).toEqual([[['demo-x.iss.other']]]);
    expect(errorOf(() => parse(attrs + deps.replace('demo-x.iss.other', 'pbdf.pbdf.email'))).detail).toContain('outside scheme');
  });
});

describe('dependency validation', () => {
  const type = (id: string, dependencies?: string[][][]): CredentialType => ({
    id: `s.i.${id}`, schemeId: 's', issuerId: 'i', credentialId: id, name: {}, singleton: false, attributes: [], xmlVersion: 4,
    hash16: new Uint8Array(16), ...(dependencies ? { dependencies } : {}),
  });
  const map = (...types: CredentialType[]) => new Map(types.map((t) => [t.id, t]));

  it('accepts a chain and a cycle that has a way out', () => {
    expect(() => validateDependencies(map(type('a', [[['s.i.b']]]), type('b', [[['s.i.c']]]), type('c')))).not.toThrow();
    expect(() => validateDependencies(map(type('a', [[['s.i.b'], ['s.i.c']]]), type('b', [[['s.i.a']]]), type('c')))).not.toThrow();
  });
  it('refuses a cycle without a way out, and unknown dependencies', () => {
    expect(errorOf(() => validateDependencies(map(type('a', [[['s.i.b']]]), type('b', [[['s.i.a']]])))).detail).toContain('circular');
    expect(errorOf(() => validateDependencies(map(type('a', [[['s.i.zz']]])))).detail).toContain('unknown');
  });
});
