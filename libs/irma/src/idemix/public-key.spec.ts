import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import { parsePrivateKeyXml } from './private-key.js';
import { parsePublicKeyXml, supportsRevocation } from './public-key.js';
import { loadVectorFile } from './testing/vector-fixtures.js';

const schemesDir = process.env['IRMA_SCHEMES_DIR'] ?? join(process.cwd(), '..', 'shared', 'irma_configuration');

function expectSchemeInvalid(fn: () => unknown): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(NutshellError);
  expect((err as NutshellError).code).toBe('SCHEME_INVALID');
}

describe('issuer public key XML', () => {
  const f = loadVectorFile(1024, 'disclosure');
  const xml = [...f.keyXml.values()][0]!;

  it('parses the vector key, bases in document order', () => {
    const pk = parsePublicKeyXml(xml);
    expect(pk.counter).toBe(0);
    expect(pk.expiryDate).toBe(2111105810);
    expect(pk.params.Ln).toBe(1024);
    expect(pk.R).toHaveLength(8);
    const base0 = /<Base_0>([0-9]+)<\/Base_0>/.exec(xml)![1]!;
    const base7 = /<Base_7>([0-9]+)<\/Base_7>/.exec(xml)![1]!;
    expect(pk.R[0]).toBe(BigInt(base0));
    expect(pk.R[7]).toBe(BigInt(base7));
    expect(supportsRevocation(pk)).toBe(true);
    expect(pk.n.toString()).toBe(/<n>([0-9]+)<\/n>/.exec(xml)![1]);
  });

  it('takes bases in document order, not by element name', () => {
    const swapped = xml.replace('<Base_0>', '<Base_X>').replace('</Base_0>', '</Base_X>');
    expect(parsePublicKeyXml(swapped).R).toEqual(parsePublicKeyXml(xml).R);
  });

  it('parses the 2048-bit vector key', () => {
    const pk = [...loadVectorFile(2048, 'disclosure').keys.values()][0]!;
    expect(pk.params.Ln).toBe(2048);
    expect(pk.params.Lv).toBe(2820);
    expect(pk.params.LvCommit).toBe(3204);
  });

  it('refuses malformed keys with SCHEME_INVALID', () => {
    const n = /<n>([0-9]+)<\/n>/.exec(xml)![1]!;
    expectSchemeInvalid(() => parsePublicKeyXml('not xml <'));
    expectSchemeInvalid(() => parsePublicKeyXml(''));
    expectSchemeInvalid(() => parsePublicKeyXml(xml.replace(`<n>${n}</n>`, `<n> ${n}</n>`)));
    expectSchemeInvalid(() => parsePublicKeyXml(xml.replace(`<n>${n}</n>`, `<n>-${n}</n>`)));
    expectSchemeInvalid(() => parsePublicKeyXml(xml.replace(`<n>${n}</n>`, '')));
    expectSchemeInvalid(() => parsePublicKeyXml(xml.replace(`<n>${n}</n>`, `<n>${n.slice(0, 100)}</n>`)));
    expectSchemeInvalid(() => parsePublicKeyXml(xml.replace('num="8"', 'num="7"')));
    expectSchemeInvalid(() => parsePublicKeyXml(xml.replace('<Counter>0</Counter>', '<Counter>x</Counter>')));
    expectSchemeInvalid(() => parsePublicKeyXml(xml.replace('IssuerPublicKey', 'IssuerPrivateKey')));
    expectSchemeInvalid(() => parsePublicKeyXml(xml.replace('<Counter>0</Counter>', '<Counter>0</Counter><Counter>1</Counter>')));
  });
});

describe('demo scheme keys', () => {
  const issuerDir = join(schemesDir, 'irma-demo', 'MijnOverheid');

  it('parses every public and private key of irma-demo.MijnOverheid and the moduli match', () => {
    const pubs = readdirSync(join(issuerDir, 'PublicKeys')).filter((f) => f.endsWith('.xml'));
    const privs = readdirSync(join(issuerDir, 'PrivateKeys')).filter((f) => f.endsWith('.xml'));
    expect(pubs.length).toBeGreaterThan(0);
    expect(privs.length).toBeGreaterThan(0);
    for (const file of privs) {
      const sk = parsePrivateKeyXml(readFileSync(join(issuerDir, 'PrivateKeys', file), 'utf8'));
      const pk = parsePublicKeyXml(readFileSync(join(issuerDir, 'PublicKeys', file), 'utf8'));
      expect(sk.counter).toBe(Number(file.replace('.xml', '')));
      expect(pk.counter).toBe(sk.counter);
      expect(sk.n).toBe(pk.n);
      expect(sk.pPrime * 2n + 1n).toBe(sk.p);
    }
  });

  it('refuses inconsistent private keys', () => {
    const xml = readFileSync(join(issuerDir, 'PrivateKeys', '0.xml'), 'utf8');
    const p = /<p>([0-9]+)<\/p>/.exec(xml)![1]!;
    expectSchemeInvalid(() => parsePrivateKeyXml(xml.replace(`<p>${p}</p>`, `<p>${BigInt(p) + 2n}</p>`)));
    expectSchemeInvalid(() => parsePrivateKeyXml(xml.replace(`<p>${p}</p>`, '')));
  });
});
