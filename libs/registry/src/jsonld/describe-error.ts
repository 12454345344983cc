interface SafeModeEvent {
  readonly code?: string;
  readonly message?: string;
  readonly details?: { readonly property?: unknown; readonly type?: unknown };
}

/**
 * One line saying why JSON-LD processing failed. For safe-mode failures it names the offending term or type
 * (a name from a context, never a value, so no personal data leaks into problem details).
 */
export function describeJsonLdError(error: unknown): string {
  const e = error as { message?: unknown; details?: { event?: SafeModeEvent } } | null | undefined;
  const event = e?.details?.event;
  if (event?.message) {
    const name = event.code === 'invalid property' ? event.details?.property : event.code === 'relative @type reference' ? event.details?.type : undefined;
    return oneLine(typeof name === 'string' ? `${event.message} ('${name.slice(0, 100)}')` : event.message);
  }
  return oneLine(typeof e?.message === 'string' ? e.message : String(error));
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}
