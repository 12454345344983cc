import { generatePrimeSync } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNutshellError } from '#errors';
import { IrmaConfiguration } from './configuration.js';
import { signSchemeDirectory } from './sign-scheme.js';
import { copySharedSchemes, makeTemp, removeTemp } from './test-support/schemes-dir.js';

/** A 1024-bit modulus from two random (not safe) 512-bit primes, with public and private key XML for counter 3. */
function unsafeKeyPair(): { publicXml: string; privateXml: string } {
  for (;;) {
    const p = generatePrimeSync(512, { bigint: true });
    const q = generatePrimeSync(512, { bigint: true });
    const n = p * q;
    if (n.toString(2).length !== 1024) continue;
    const bases = Array.from({ length: 8 }, (_, i) => `<Base_${i}>${BigInt(i + 4) ** 2n}</Base_${i}>`).join('');
    const publicXml = `<IssuerPublicKey xmlns="http://www.zurich.ibm.com/security/idemix"><Counter>3</Counter><ExpiryDate>1893456000</ExpiryDate>`
      + `<Elements><n>${n}</n><Z>4</Z><S>9</S><Bases num="8">${bases}</Bases></Elements></IssuerPublicKey>\n`;
    const privateXml = `<IssuerPrivateKey xmlns="http://www.zurich.ibm.com/security/idemix"><Counter>3</Counter><ExpiryDate>1893456000</ExpiryDate>`
      + `<Elements><p>${p}</p><q>${q}</q><pPrime>${(p - 1n) >> 1n}</pPrime><qPrime>${(q - 1n) >> 1n}</qPrime></Elements></IssuerPrivateKey>\n`;
    return { publicXml, privateXml };
  }
}

describe('private keys in a non-demo scheme must use safe primes', () => {
  let temp: string;
  let schemes: string;
  let scheme: string;

  beforeEach(async () => {
    temp = await makeTemp();
    schemes = await copySharedSchemes(join(temp, 'irma_configuration'), ['irma-demo']);
    scheme = join(schemes, 'irma-demo');
    // Turn the copy into a production scheme and keep a single private key (RU counter 2).
    const description = join(scheme, 'description.xml');
    await writeFile(description, (await readFile(description, 'utf8')).replace('<Demo>true</Demo>', ''));
    for (const issuer of await readdir(scheme, { withFileTypes: true })) {
      if (!issuer.isDirectory()) continue;
      const keys = join(scheme, issuer.name, 'PrivateKeys');
      for (const file of await readdir(keys).catch(() => [] as string[])) {
        if (!(issuer.name === 'RU' && file === '2.xml')) await rm(join(keys, file));
      }
    }
  });
  afterEach(() => removeTemp(temp));

  it('accepts the real RU key (safe primes) in a non-demo scheme', async () => {
    await signSchemeDirectory(scheme, await readFile(join(scheme, 'sk.pem')));
    const conf = await IrmaConfiguration.load({ schemesPath: schemes });
    expect(conf.scheme('irma-demo')?.demo).toBe(false);
    expect(conf.privateKeyCounters('irma-demo.RU')).toEqual([2]);
  });

  it('refuses a key whose primes are not safe', async () => {
    const { publicXml, privateXml } = unsafeKeyPair();
    await writeFile(join(scheme, 'RU', 'PublicKeys', '3.xml'), publicXml);
    await writeFile(join(scheme, 'RU', 'PrivateKeys', '3.xml'), privateXml);
    await signSchemeDirectory(scheme, await readFile(join(scheme, 'sk.pem')));
    try {
      await IrmaConfiguration.load({ schemesPath: schemes });
      expect.unreachable('load accepted a key without safe primes');
    } catch (error) {
      expect(isNutshellError(error) && error.code).toBe('SCHEME_INVALID');
      expect(isNutshellError(error) && error.detail).toBe('irma-demo/RU/PrivateKeys/3.xml: P and Q are not safe primes');
    }
  });
});
