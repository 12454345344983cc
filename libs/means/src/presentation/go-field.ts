/**
 * Reads `name` from a JSON object the way Go's encoding/json fills a struct field: keys match
 * case-insensitively, and when several keys match, the last one in the document wins (Go assigns them in
 * order). Every reader of a proof goes through this one function, so what is verified is what is used.
 */
export function goField(object: Readonly<Record<string, unknown>>, name: string): unknown {
  const wanted = name.toLowerCase();
  let found: unknown;
  for (const [key, value] of Object.entries(object)) {
    if (key === name || key.toLowerCase() === wanted) found = value;
  }
  return found;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
