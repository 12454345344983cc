import { bigIntToBytes } from './bigint.js';

/** DER length octets (short form below 128, else 0x80|k and k big-endian bytes), as Go's encoding/asn1. */
export function derLength(len: number): Uint8Array {
  if (len < 0x80) return Uint8Array.of(len);
  const bytes: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** DER TLV with the given tag around `content`. */
export function derTlv(tag: number, content: Uint8Array): Uint8Array {
  const len = derLength(content.length);
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

/** DER INTEGER of a non-negative value: minimal magnitude, a 0x00 sign byte when the top bit is set, 0 → 02 01 00. */
export function derInteger(x: bigint): Uint8Array {
  const mag = bigIntToBytes(x);
  if (mag.length === 0) return Uint8Array.of(0x02, 0x01, 0x00);
  if (mag[0]! & 0x80) {
    const c = new Uint8Array(mag.length + 1);
    c.set(mag, 1);
    return derTlv(0x02, c);
  }
  return derTlv(0x02, mag);
}

/** DER OCTET STRING. */
export function derOctetString(b: Uint8Array): Uint8Array {
  return derTlv(0x04, b);
}

/** DER SEQUENCE of already-encoded elements. */
export function derSequence(elements: readonly Uint8Array[]): Uint8Array {
  return derTlv(0x30, Buffer.concat(elements));
}

/** DER BOOLEAN TRUE as Go writes it. */
export const DER_TRUE: Uint8Array = Uint8Array.of(0x01, 0x01, 0xff);
