import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render.js';

describe('renderTemplate', () => {
  it('fills double and triple braces without HTML escaping', () => {
    expect(renderTemplate('a {{{x}}} b {{y}} c', { x: 'Toon & <Zoonen> "q"', y: "O'Neil & Co" })).toBe(
      'a Toon & <Zoonen> "q" b O\'Neil & Co c',
    );
  });

  it('renders a missing value as empty, like mustache', () => {
    expect(renderTemplate('aan {{{acting_party}}} om', {})).toBe('aan  om');
  });

  it('accepts whitespace inside the braces', () => {
    expect(renderTemplate('{{ x }}|{{{ x }}}', { x: 'v' })).toBe('v|v');
  });

  it('inserts values verbatim, never rescanning them or expanding $ patterns', () => {
    expect(renderTemplate('{{{a}}}-{{{b}}}', { a: '{{b}}', b: "$& $1 $' $$" })).toBe("{{b}}-$& $1 $' $$");
  });

  it('does not read inherited properties as values', () => {
    expect(renderTemplate('[{{constructor}}][{{toString}}]', {})).toBe('[][]');
  });
});
