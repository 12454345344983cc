import { childOf, decimalOf, type XmlElement } from './xml.js';

/** Counter, expiry date and the `<Elements>` node shared by gabi's public and private key XML (idemix.md §2). */
export function keyHeader(root: XmlElement, fail: (detail: string) => never): { counter: number; expiry: number; elements: XmlElement } {
  const counter = decimalOf(childOf(root, 'Counter', fail), 'Counter', fail);
  const expiry = decimalOf(childOf(root, 'ExpiryDate', fail), 'ExpiryDate', fail);
  if (counter > 0xffffn) fail('counter out of range');
  if (expiry > BigInt(Number.MAX_SAFE_INTEGER)) fail('expiry date out of range');
  const elements = childOf(root, 'Elements', fail);
  if (!elements) return fail('missing <Elements>');
  return { counter: Number(counter), expiry: Number(expiry), elements };
}
