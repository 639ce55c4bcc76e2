// The letter template language: blocks, lists, and errors for unknown names instead of silent text.
import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateError } from '../../electron/services/panel-report/letter-template';

describe('letter templates', () => {
  it('headings, paragraphs, list lines and if/unless blocks', () => {
    const text = '# Tittel\n\nHei {{name}}.\n{{#if items}}\n- {{*items}}\n{{/if}}\n{{#unless done}}\nIkke ferdig.\n{{/unless}}\n## Slutt\nMed hilsen\n{{name}}';
    expect(renderTemplate(text, { name: 'Øyvind Ærø Åsen', items: ['a', 'b {{x}}'], done: false }, 't')).toEqual([
      { kind: 'heading', text: 'Tittel' },
      { kind: 'paragraph', text: 'Hei Øyvind Ærø Åsen.' },
      { kind: 'bullet', text: 'a' },
      { kind: 'bullet', text: 'b { {x}}' },
      { kind: 'paragraph', text: 'Ikke ferdig.' },
      { kind: 'subheading', text: 'Slutt' },
      { kind: 'paragraph', text: 'Med hilsen\nØyvind Ærø Åsen' },
    ]);
    expect(renderTemplate('{{#if items}}\n- {{*items}}\n{{/if}}\nx', { items: [] }, 't')).toEqual([{ kind: 'paragraph', text: 'x' }]);
  });

  it('an unknown name, a list used as text or an unclosed block is an error naming the template', () => {
    expect(() => renderTemplate('Hei {{nme}}', { name: 'x' }, 'brev.txt')).toThrow(new TemplateError('brev.txt: unknown name {{nme}}'));
    expect(() => renderTemplate('{{items}}', { items: ['a'] }, 'brev.txt')).toThrow('brev.txt: {{items}} is not a text');
    expect(() => renderTemplate('{{#if a}}\nx', { a: true }, 'brev.txt')).toThrow('brev.txt: a {{#if}} or {{#unless}} block is not closed');
    expect(() => renderTemplate('x\n{{/if}}', {}, 'brev.txt')).toThrow('brev.txt: {{/if}} without its opening block');
  });
});
