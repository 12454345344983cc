import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NutshellError } from '#errors';
import type { TranslatedString } from './types.js';

/** A parsed XML element as fast-xml-parser returns it: text, or an object of children and `@_` attributes. */
export type XmlNode = string | { [name: string]: XmlNode | XmlNode[] | undefined };

/**
 * Parses one scheme XML file. `arrays` lists the element paths (dotted, from the root) that may repeat,
 * so a single occurrence still comes back as an array. Malformed XML → SCHEME_INVALID naming `file`.
 */
export function parseXml(text: string, file: string, arrays: readonly string[]): Record<string, XmlNode> {
  // Scheme files never declare a DOCTYPE; refusing it rules out entity-expansion tricks in not-yet-verified input
  // (Go's encoding/xml, which irmago uses, does not expand declared entities either).
  if (/<!DOCTYPE/i.test(text)) throw new NutshellError('SCHEME_INVALID', `${file}: DOCTYPE declarations are not allowed`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new NutshellError('SCHEME_INVALID', `${file}: malformed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const arraySet = new Set(arrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    isArray: (_name, jpath) => arraySet.has(String(jpath)),
  });
  return parser.parse(text) as Record<string, XmlNode>;
}

/** Reads a child element of `node`, undefined when absent. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads a repeated child element (declared in `arrays` of `parseXml`); empty when absent. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string') return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text content of an element ('' for an empty element), undefined when absent. */
export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  const inner = node['#text'];
  return typeof inner === 'string' ? inner : '';
}

/** The text of a child element, with absent and empty both mapped to undefined. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const value = text(child(node, name));
  return value === undefined || value === '' ? undefined : value;
}

/** An XML attribute of an element. */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** Go's strconv.ParseBool as encoding/xml applies it; absent or empty is false. */
export function parseBool(value: string | undefined, file: string, what: string): boolean {
  if (value === undefined) return false;
  const v = value.trim();
  if (v === '') return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  throw new NutshellError('SCHEME_INVALID', `${file}: ${what} is not a boolean`);
}

/** A decimal integer as Go's encoding/xml reads it; absent or empty is undefined. */
export function parseInteger(value: string | undefined, file: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^[+-]?\d+$/.test(v)) throw new NutshellError('SCHEME_INVALID', `${file}: ${what} is not an integer`);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new NutshellError('SCHEME_INVALID', `${file}: ${what} is out of range`);
  return n;
}

/** A translated element (`<Name><en>…</en><nl>…</nl></Name>`) as a language → text map. */
export function translated(node: XmlNode | undefined): TranslatedString | undefined {
  if (node === undefined) return undefined;
  const result: TranslatedString = {};
  if (typeof node === 'string') return result;
  for (const [lang, value] of Object.entries(node)) {
    if (lang.startsWith('@_') || lang === '#text' || value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    result[lang] = text(first) ?? '';
  }
  return result;
}

/** The `version` attribute of a description's root element. */
export function xmlVersion(root: XmlNode | undefined, file: string): number {
  return parseInteger(attribute(root, 'version'), file, 'version attribute') ?? 0;
}
