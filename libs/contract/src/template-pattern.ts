/*
 * Matching of the Nuts template regexes (`literal (.+) literal (.+) ... literal`, unanchored, `.` = any character
 * but `\n`) with Go's leftmost-first semantics, in linear time.
 *
 * A backtracking engine (JavaScript's RegExp) needs polynomial time of degree five on crafted near-miss texts;
 * Go's RE2 does not, so a peer could send texts that are cheap for Nuts and expensive for us. For this one shape the
 * backtracking result has a closed form: each greedy group ends at the LAST place where its following literal
 * occurs and the rest of the pattern can still be completed on the same line. Computing those places right to
 * left gives exactly the groups a backtracking (Perl/RE2 leftmost-first) engine returns.
 */

/** A literal piece as UTF-16 text, for lines without astral characters (one code unit per code point there). */
interface TextPiece {
  readonly text: string;
  /** Longest run of the piece without a wildcard, searched with indexOf / lastIndexOf; '' if the piece is all dots. */
  readonly anchor: string;
  /** Where `anchor` starts within `text`. */
  readonly anchorAt: number;
}

/** A template regex compiled for linear matching. */
export interface TemplatePattern {
  /** The regex text it was compiled from. */
  readonly source: string;
  /** Literal pieces around the groups; `.` in a piece matches any one character except `\n`. */
  readonly pieces: readonly (readonly string[])[];
  /** The same pieces as strings. */
  readonly textPieces: readonly TextPiece[];
}

const GROUP = '(.+)';
const WILDCARD = '.';

/** Compiles a template regex made only of literal text, unescaped dots and `(.+)` groups. */
export function compileTemplatePattern(source: string): TemplatePattern {
  if (/[\\[\]{}*?|^$]/.test(source.split(GROUP).join(''))) {
    throw new Error('template pattern may only contain literal text, dots and (.+) groups');
  }
  const parts = source.split(GROUP);
  return { source, pieces: parts.map((piece) => Array.from(piece)), textPieces: parts.map(textPiece) };
}

function textPiece(text: string): TextPiece {
  let anchor = '';
  let anchorAt = 0;
  let at = 0;
  for (const run of text.split(WILDCARD)) {
    if (run.length > anchor.length) {
      anchor = run;
      anchorAt = at;
    }
    at += run.length + 1;
  }
  return { text, anchor, anchorAt };
}

function literalAt(line: readonly string[], at: number, piece: readonly string[]): boolean {
  if (at < 0 || at + piece.length > line.length) return false;
  for (let i = 0; i < piece.length; i++) {
    const want = piece[i];
    if (want !== WILDCARD && line[at + i] !== want) return false;
  }
  return true;
}

/** Last start of `piece` in `line` with its end at or before `limit`, or -1. */
function lastOccurrence(line: readonly string[], piece: readonly string[], limit: number): number {
  for (let at = limit - piece.length; at >= 0; at--) {
    if (literalAt(line, at, piece)) return at;
  }
  return -1;
}

function matchLine(pattern: TemplatePattern, line: readonly string[]): string[] | undefined {
  const { pieces } = pattern;
  const groups = pieces.length - 1;
  const first = pieces[0] ?? [];
  if (groups === 0) {
    for (let s = 0; s + first.length <= line.length; s++) if (literalAt(line, s, first)) return [];
    return undefined;
  }
  // ends[k]: where group k (1-based) ends, i.e. the start of piece k, chosen as late as a completion allows.
  const ends = new Array<number>(groups + 1).fill(-1);
  let limit = line.length;
  for (let k = groups; k >= 1; k--) {
    const piece = pieces[k] ?? [];
    const at = lastOccurrence(line, piece, limit);
    if (at < 0) return undefined;
    ends[k] = at;
    // Group k must hold at least one character, so whatever precedes it has to end before `at`.
    limit = at - 1;
  }
  // The leftmost start of the first piece whose end leaves group 1 non-empty; `limit` is the latest such end.
  for (let s = 0; s + first.length <= limit; s++) {
    if (!literalAt(line, s, first)) continue;
    const values: string[] = [];
    let from = s + first.length;
    for (let k = 1; k <= groups; k++) {
      const end = ends[k] ?? -1;
      values.push(line.slice(from, end).join(''));
      from = end + (pieces[k]?.length ?? 0);
    }
    return values;
  }
  return undefined;
}

// The same search on a string, valid only when every code unit is a whole code point (no surrogates): then a
// wildcard is any one code unit (a line holds no \n), and runs of literal text can be found with indexOf.

function textAt(line: string, at: number, piece: TextPiece): boolean {
  const { text } = piece;
  for (let i = 0; i < text.length; i++) {
    const want = text.charCodeAt(i);
    if (want !== 46 /* . */ && line.charCodeAt(at + i) !== want) return false;
  }
  return true;
}

/** Last start of `piece` in `line` with its end at or before `limit`, or -1. */
function lastTextOccurrence(line: string, piece: TextPiece, limit: number): number {
  let at = limit - piece.text.length;
  if (piece.anchor.length === 0) return at >= 0 ? at : -1;
  while (at >= 0) {
    const found = line.lastIndexOf(piece.anchor, at + piece.anchorAt) - piece.anchorAt;
    if (found < 0) return -1;
    if (textAt(line, found, piece)) return found;
    at = found - 1;
  }
  return -1;
}

/** First start of `piece` in `line` at or after `from` with its end at or before `limit`, or -1. */
function firstTextOccurrence(line: string, piece: TextPiece, from: number, limit: number): number {
  let at = from;
  while (at + piece.text.length <= limit) {
    if (piece.anchor.length > 0) {
      const found = line.indexOf(piece.anchor, at + piece.anchorAt);
      if (found < 0) return -1;
      at = found - piece.anchorAt;
      if (at + piece.text.length > limit) return -1;
    }
    if (textAt(line, at, piece)) return at;
    at++;
  }
  return -1;
}

function matchTextLine(pattern: TemplatePattern, line: string): string[] | undefined {
  const pieces = pattern.textPieces;
  const groups = pieces.length - 1;
  const first = pieces[0];
  if (first === undefined) return undefined;
  if (groups === 0) return firstTextOccurrence(line, first, 0, line.length) >= 0 ? [] : undefined;
  const ends = new Array<number>(groups + 1).fill(-1);
  let limit = line.length;
  for (let k = groups; k >= 1; k--) {
    const piece = pieces[k];
    if (piece === undefined) return undefined;
    const at = lastTextOccurrence(line, piece, limit);
    if (at < 0) return undefined;
    ends[k] = at;
    limit = at - 1;
  }
  const s = firstTextOccurrence(line, first, 0, limit);
  if (s < 0) return undefined;
  const values: string[] = [];
  let from = s + first.text.length;
  for (let k = 1; k <= groups; k++) {
    const end = ends[k] ?? -1;
    values.push(line.slice(from, end));
    from = end + (pieces[k]?.text.length ?? 0);
  }
  return values;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Returns the captured groups of the leftmost match, as Go's `FindSubmatch` would, or undefined. */
export function matchTemplatePattern(pattern: TemplatePattern, text: string): string[] | undefined {
  // No piece or group can span a newline, so every match lies within one line; earlier lines are tried first.
  if (!text.includes('\n')) return SURROGATE.test(text) ? matchLine(pattern, Array.from(text)) : matchTextLine(pattern, text);
  for (const line of text.split('\n')) {
    const result = SURROGATE.test(line) ? matchLine(pattern, Array.from(line)) : matchTextLine(pattern, line);
    if (result !== undefined) return result;
  }
  return undefined;
}
