import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplatePattern, matchTemplatePattern } from './template-pattern.js';
import { listTemplates } from './templates.js';

// The reference: the same pattern in a backtracking engine with Go's meaning of `.` (anything but \n), code points.
function reference(source: string, text: string): string[] | undefined {
  const match = new RegExp(source.replaceAll('.', '[^\\n]'), 'u').exec(text);
  return match === null ? undefined : match.slice(1);
}

describe('template pattern matcher', () => {
  it('extracts the groups of a standard text', () => {
    const nl = listTemplates()[1];
    if (nl === undefined) throw new Error('missing template');
    const text =
      'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van Zorg & Zo te A & B. Deze verklaring is geldig van woensdag, 1 januari 2020 02:01:01 tot woensdag, 1 januari 2020 03:01:01.';
    expect(matchTemplatePattern(compileTemplatePattern(nl.regex), text)).toEqual([
      'Zorg & Zo',
      'A & B',
      'woensdag, 1 januari 2020 02:01:01',
      'woensdag, 1 januari 2020 03:01:01',
    ]);
  });

  it('treats a dot as any character but a newline, and counts code points', () => {
    const p = compileTemplatePattern('a(.+)b.');
    expect(matchTemplatePattern(p, 'a😀b😀')).toEqual(['😀']);
    expect(matchTemplatePattern(p, 'a😀b')).toBeUndefined();
    // A dot takes a whole astral character, so the group never ends in half a surrogate pair.
    expect(matchTemplatePattern(compileTemplatePattern('a(.+).b'), 'a1😀b')).toEqual(['1']);
    expect(matchTemplatePattern(p, 'a\nb!')).toBeUndefined();
    expect(matchTemplatePattern(p, 'a\rb!')).toEqual(['\r']);
    expect(matchTemplatePattern(p, 'xx\na1b!')).toEqual(['1']);
  });

  it('rejects patterns outside the supported shape', () => {
    expect(() => compileTemplatePattern('a(.*)b')).toThrow();
    expect(() => compileTemplatePattern('^a(.+)b$')).toThrow();
    expect(() => compileTemplatePattern('a\\.(.+)')).toThrow();
  });

  it('agrees with a backtracking engine on random texts built from the separators (small pattern)', () => {
    const source = 'A(.+)B(.+)C(.+).';
    const piece = fc.constantFrom('A', 'B', 'C', '.', 'x', 'é', '😀', '\n', 'AB', 'BC');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(matchTemplatePattern(compileTemplatePattern(source), text)).toEqual(reference(source, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with a backtracking engine where dots split the literal pieces (string and code-point paths)', () => {
    const source = 'A.B(.+)C.DD(.+)..';
    const piece = fc.constantFrom('A', 'B', 'C', 'D', 'DD', '.', 'x', 'AxB', 'CxDD', '\n', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(matchTemplatePattern(compileTemplatePattern(source), text)).toEqual(reference(source, text));
      }),
      { numRuns: 4000 },
    );
  });

  it('agrees with a backtracking engine on random texts for every template', () => {
    for (const template of listTemplates()) {
      const pieces = template.regex.split('(.+)');
      const fragment = fc.oneof(
        fc.constantFrom(...pieces.filter((p) => p !== '')),
        fc.constantFrom('x', ' ', '.', '\n', 'ü', ' te ', ' tot ', ':v2'),
      );
      fc.assert(
        fc.property(fc.array(fragment, { maxLength: 10 }), (parts) => {
          const text = parts.join('');
          expect(matchTemplatePattern(compileTemplatePattern(template.regex), text)).toEqual(reference(template.regex, text));
        }),
        { numRuns: 1500 },
      );
    }
  });

  it('handles a crafted near-miss text that makes a backtracking engine explode', () => {
    const nl = listTemplates()[1];
    if (nl === undefined) throw new Error('missing template');
    const text =
      'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van ' +
      ' te '.repeat(2000) +
      ' tot '.repeat(2000) +
      '. Deze verklaring is geldig van '.repeat(300) +
      'x';
    expect(matchTemplatePattern(compileTemplatePattern(nl.regex), text)).toBeUndefined();
  });
});
