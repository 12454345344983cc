/**
 * A minimal revocation issuer for tests: a signed accumulator (CBOR + ECDSA with the demo
 * private key's `<ECDSA>`) and a witness `(u, e)` with `u^e = Nu`, so the test prover can build
 * nonrevocation proofs for revocation-enabled credential types.
 */
import { checkPrimeSync, createHash, createPrivateKey, sign } from 'node:crypto';
import { Encoder } from 'cbor-x';
import { bigIntToBytes, randomBigInt } from '../idemix/bigint.js';
import { modInverse, modPow } from '../idemix/modexp.js';
import { privateKeyOrder, type IssuerPrivateKey } from '../idemix/private-key.js';
import type { IssuerPublicKey } from '../idemix/public-key.js';
import type { SignedAccumulator } from '../revocation/signed-accumulator.js';

/** A nonrevocation witness as the holder keeps it. */
export interface NonrevWitness {
  readonly u: bigint;
  /** The revocation attribute value (a prime < 2^195). */
  readonly e: bigint;
  readonly nu: bigint;
  readonly sacc: SignedAccumulator;
}

const cbor = new Encoder({ useRecords: false, mapsAsObjects: true, tagUint8Array: false });

/** Signs an accumulator state with the issuer's ECDSA key as gabi's `signed.MarshalSign` does. */
export function signAccumulator(sk: IssuerPrivateKey, state: { nu: bigint; index: number; time: number }): SignedAccumulator {
  if (sk.ecdsa === undefined) throw new Error('private key has no ECDSA revocation key');
  const key = createPrivateKey({ key: Buffer.from(sk.ecdsa, 'base64'), format: 'der', type: 'sec1' });
  const eventHash = Buffer.concat([Buffer.from([0x12, 0x20]), createHash('sha256').update('').digest()]);
  const msg = cbor.encode({ Nu: Buffer.from(bigIntToBytes(state.nu)), Index: state.index, Time: state.time, EventHash: eventHash });
  const sig = sign('sha256', msg, { key, dsaEncoding: 'der' });
  return { data: new Uint8Array(cbor.encode({ Msg: msg, Sig: sig })), pkCounter: sk.counter };
}

function randomRevocationPrime(): bigint {
  for (;;) {
    const candidate = randomBigInt(195) | 1n;
    if (candidate > 3n && checkPrimeSync(candidate, { checks: 20 })) return candidate;
  }
}

/** A fresh accumulator (a random quadratic residue) with one witness in it. */
export function createWitness(sk: IssuerPrivateKey, pk: IssuerPublicKey, time: number): NonrevWitness {
  const nu = modPow(pk.S, randomBigInt(pk.params.Ln), pk.n);
  const e = randomRevocationPrime();
  const u = modPow(nu, modInverse(e, privateKeyOrder(sk)), pk.n);
  return { u, e, nu, sacc: signAccumulator(sk, { nu, index: 0, time }) };
}
