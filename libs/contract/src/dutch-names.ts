/*
 * The translation step of goodsign/monday, which Nuts runs (always with the nl_NL locale) before handing a contract
 * date to Go's parser. Emulating it, rather than just accepting Dutch names in the parser, keeps the corner cases
 * and error texts identical:
 * - the value is split into runs of letters, runs of digits and runs of anything else; when the number of runs
 *   differs from the layout's (13), nothing is translated, so `woensdag, … 02:01:01.5` or a trailing ` CET` fail
 *   on the Dutch weekday while their English forms pass or fail later;
 * - only a WHOLE run is translated, compared after Unicode lower-casing (so `AUGUSTUS` and even `o\u212Atober`,
 *   with a Kelvin sign, are read), and `augustusx` stays untranslated;
 * - Go's parser then quotes the translated value in its errors.
 */

const LAYOUT_RUNS = ['Monday', ', ', '2', ' ', 'January', ' ', '2006', ' ', '15', ':', '04', ':', '05'] as const;
const WEEKDAY_RUN = 0;
const MONTH_RUN = 4;

const DUTCH_WEEKDAYS: ReadonlyMap<string, string> = new Map([
  ['zondag', 'Sunday'],
  ['maandag', 'Monday'],
  ['dinsdag', 'Tuesday'],
  ['woensdag', 'Wednesday'],
  ['donderdag', 'Thursday'],
  ['vrijdag', 'Friday'],
  ['zaterdag', 'Saturday'],
]);

const DUTCH_MONTHS: ReadonlyMap<string, string> = new Map([
  ['januari', 'January'],
  ['februari', 'February'],
  ['maart', 'March'],
  ['april', 'April'],
  ['mei', 'May'],
  ['juni', 'June'],
  ['juli', 'July'],
  ['augustus', 'August'],
  ['september', 'September'],
  ['oktober', 'October'],
  ['november', 'November'],
  ['december', 'December'],
]);

type RunKind = 'letters' | 'digits' | 'other';

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function kindOf(ch: string): RunKind {
  if (LETTER.test(ch)) return 'letters';
  if (DIGIT.test(ch)) return 'digits';
  return 'other';
}

/** monday's `stringToLayoutItems`: maximal runs of letters, of decimal digits, and of everything else. */
function runs(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let kind: RunKind | undefined;
  for (const ch of value) {
    const k = kindOf(ch);
    if (kind !== undefined && k !== kind) {
      out.push(current);
      current = '';
    }
    kind = k;
    current += ch;
  }
  if (current !== '') out.push(current);
  return out;
}

// Go's strings.ToLower maps code point by code point; JavaScript's full mapping turns U+0130 into two characters.
function goToLower(s: string): string {
  let out = '';
  for (const ch of s) out += ch === '\u0130' ? 'i' : ch.toLowerCase();
  return out;
}

/** Replaces whole Dutch weekday and month names by their English names where monday would. */
export function translateDutchNames(value: string): string {
  return ASCII.test(value) ? translateAscii(value) : translateDutchNamesByRuns(value);
}

/** `translateDutchNames` for any text, splitting it into runs by Unicode category (the general path). */
export function translateDutchNamesByRuns(value: string): string {
  const parts = runs(value);
  if (parts.length !== LAYOUT_RUNS.length) return value;
  const weekday = DUTCH_WEEKDAYS.get(goToLower(parts[WEEKDAY_RUN] ?? ''));
  if (weekday !== undefined) parts[WEEKDAY_RUN] = weekday;
  const month = DUTCH_MONTHS.get(goToLower(parts[MONTH_RUN] ?? ''));
  if (month !== undefined) parts[MONTH_RUN] = month;
  return parts.join('');
}

// For ASCII text (every contract we draw up) the runs follow from character codes, and lower-casing is ASCII's.
const ASCII = /^[\x00-\x7f]*$/;

function asciiKind(code: number): number {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 0;
  if (code >= 48 && code <= 57) return 1;
  return 2;
}

/** `translateDutchNames` for an ASCII value, without building the runs as strings. */
function translateAscii(value: string): string {
  // starts[r] is where run r begins; only the weekday and month runs are ever cut out.
  const starts: number[] = [];
  let kind = -1;
  for (let i = 0; i < value.length; i++) {
    const k = asciiKind(value.charCodeAt(i));
    if (k !== kind) {
      if (starts.length === LAYOUT_RUNS.length) return value;
      starts.push(i);
      kind = k;
    }
  }
  if (starts.length !== LAYOUT_RUNS.length) return value;
  const runAt = (r: number): string => value.slice(starts[r], starts[r + 1]);
  const weekday = DUTCH_WEEKDAYS.get(runAt(WEEKDAY_RUN).toLowerCase());
  const month = DUTCH_MONTHS.get(runAt(MONTH_RUN).toLowerCase());
  if (weekday === undefined && month === undefined) return value;
  return (
    (weekday ?? runAt(WEEKDAY_RUN)) +
    value.slice(starts[WEEKDAY_RUN + 1], starts[MONTH_RUN]) +
    (month ?? runAt(MONTH_RUN)) +
    value.slice(starts[MONTH_RUN + 1])
  );
}
