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

/** A template regex compiled for linear matching. */
export interface TemplatePattern {
  /** The regex text it was compiled from. */
  readonly source: string;
  /** Literal pieces around the groups; `.` in a piece matches any one character except `\n`. */
  readonly pieces: readonly (readonly string[])[];
}

const GROUP = '(.+)';
const WILDCARD = '.';

/** Compiles a template regex made only of literal text, unescaped dots and `(.+)` groups. */
export function compileTemplatePattern(source: string): TemplatePattern {
  if (/[\\[\]{}*?|^$]/.test(source.split(GROUP).join(''))) {
    throw new Error('template pattern may only contain literal text, dots and (.+) groups');
  }
  return { source, pieces: source.split(GROUP).map((piece) => Array.from(piece)) };
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

/** Returns the captured groups of the leftmost match, as Go's `FindSubmatch` would, or undefined. */
export function matchTemplatePattern(pattern: TemplatePattern, text: string): string[] | undefined {
  // No piece or group can span a newline, so every match lies within one line; earlier lines are tried first.
  for (const line of text.split('\n')) {
    const result = matchLine(pattern, Array.from(line));
    if (result !== undefined) return result;
  }
  return undefined;
}
