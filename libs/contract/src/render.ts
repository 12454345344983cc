// Triple braces first, so `{{{x}}}` is never read as `{{` + `{x}}}`.
const PLACEHOLDER = /\{\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\}|\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fills `{{name}}` and `{{{name}}}` placeholders. Nothing is HTML-escaped: since Nuts v5.0.10 names and cities
 * are rendered raw (escaping `&` broke signed contracts) and the dates never contain escapable characters.
 * A missing value renders as the empty string, as mustache does. Values are inserted verbatim and never rescanned.
 */
export function renderTemplate(template: string, values: Readonly<Partial<Record<string, string>>>): string {
  return template.replace(PLACEHOLDER, (_match, triple: string | undefined, double: string | undefined) => {
    const name = triple ?? double ?? '';
    return Object.hasOwn(values, name) ? (values[name] ?? '') : '';
  });
}
