import { listTemplates } from './templates.js';

// Triple braces first, so `{{{x}}}` is never read as `{{` + `{x}}}`.
const PLACEHOLDER = /\{\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\}|\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** A template split at its placeholders: `literals[0] names[0] literals[1] … names[n-1] literals[n]`. */
interface CompiledTemplate {
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

function compile(template: string): CompiledTemplate {
  const literals: string[] = [];
  const names: string[] = [];
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    literals.push(template.slice(from, match.index));
    names.push(match[1] ?? match[2] ?? '');
    from = match.index + match[0].length;
  }
  literals.push(template.slice(from));
  return { literals, names };
}

// The known templates are split once; any other template text is split per call.
const known = new Map<string, CompiledTemplate>(listTemplates().map((t) => [t.template, compile(t.template)]));

/**
 * Fills `{{name}}` and `{{{name}}}` placeholders. Nothing is HTML-escaped: since Nuts v5.0.10 names and cities
 * are rendered raw (escaping `&` broke signed contracts) and the dates never contain escapable characters.
 * A missing value renders as the empty string, as mustache does. Values are inserted verbatim and never rescanned.
 */
export function renderTemplate(template: string, values: Readonly<Partial<Record<string, string>>>): string {
  const { literals, names } = known.get(template) ?? compile(template);
  let out = literals[0] ?? '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    out += (Object.hasOwn(values, name) ? (values[name] ?? '') : '') + (literals[i + 1] ?? '');
  }
  return out;
}
