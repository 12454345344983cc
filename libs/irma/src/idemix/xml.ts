import { XMLParser } from 'fast-xml-parser';
import { NutshellError } from '#errors';
import type { ErrorCode } from '#errors';
import { parseDecimalBigInt } from './bigint.js';

/** One element of fast-xml-parser's `preserveOrder` output. */
export type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

/** Element view of an ordered XML tree, with whitespace-only text nodes dropped. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

function toElements(nodes: unknown, fail: (d: string) => never): XmlElement[] {
  if (!Array.isArray(nodes)) fail('malformed XML');
  const out: XmlElement[] = [];
  for (const node of nodes as unknown[]) {
    if (typeof node !== 'object' || node === null) fail('malformed XML');
    const rec = node as OrderedNode;
    const name = Object.keys(rec).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name.startsWith('?')) continue;
    const rawAttrs = (rec[':@'] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k.replace(/^@_/, '')] = String(v);
    const inner = rec[name];
    if (!Array.isArray(inner)) fail('malformed XML');
    let text = '';
    for (const c of inner as unknown[]) {
      if (typeof c === 'object' && c !== null && '#text' in c) text += String((c as OrderedNode)['#text']);
    }
    out.push({ name, attrs, children: toElements(inner, fail), text });
  }
  return out;
}

/** Parses an XML document into its single root element; any error becomes a NutshellError with `code`. */
export function parseXmlRoot(xml: string, code: ErrorCode, what: string): XmlElement {
  const fail = (d: string): never => {
    throw new NutshellError(code, `${what}: ${d}`);
  };
  if (typeof xml !== 'string') fail('not a string');
  let tree: unknown;
  try {
    tree = parser.parse(xml, true);
  } catch (err) {
    throw new NutshellError(code, `${what}: malformed XML`, { cause: err });
  }
  const roots = toElements(tree, fail);
  if (roots.length !== 1) fail('expected one root element');
  return roots[0]!;
}

/** The single child element named `name`, or undefined; duplicates are refused. */
export function childOf(el: XmlElement, name: string, fail: (d: string) => never): XmlElement | undefined {
  const found = el.children.filter((c) => c.name === name);
  if (found.length > 1) fail(`duplicate <${name}>`);
  return found[0];
}

/** Strict base-10 non-negative integer content of an element (no whitespace tolerated, as gabi). */
export function decimalOf(el: XmlElement | undefined, name: string, fail: (d: string) => never): bigint {
  if (el === undefined) fail(`missing <${name}>`);
  const v = parseDecimalBigInt(el!.text);
  if (v === undefined) fail(`<${name}> is not a decimal integer`);
  return v!;
}
