// A very small template language for the decision letters, so their wording lives in resources/letters/
// and can change without code:
//   # Heading          ## Subheading          - bullet          blank line = new paragraph
//   {{name}}           a text value
//   {{*name}}          the whole line repeated once per item of a list value
//   {{#if name}} … {{/if}}   lines kept only when name is true / a non-empty text / a non-empty list
//   {{#unless name}} … {{/unless}}
// An unknown name or an unbalanced block is an error (a test renders every template), never silent text.

export type TemplateValue = string | readonly string[] | boolean;
export type TemplateValues = Readonly<Record<string, TemplateValue>>;

export type LetterBlock = { kind: 'heading' | 'subheading' | 'paragraph' | 'bullet'; text: string };

export class TemplateError extends Error {}

function truthy(value: TemplateValue): boolean {
  return typeof value === 'boolean' ? value : value.length > 0;
}

function lookup(values: TemplateValues, name: string, template: string): TemplateValue {
  if (!Object.hasOwn(values, name)) throw new TemplateError(`${template}: unknown name {{${name}}}`);
  return values[name] as TemplateValue;
}

function substitute(line: string, values: TemplateValues, template: string): string {
  return line.replace(/\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g, (_, name: string) => {
    const value = lookup(values, name, template);
    if (typeof value !== 'string') throw new TemplateError(`${template}: {{${name}}} is not a text`);
    return value;
  });
}

/** The template's lines after blocks and lists are resolved and names substituted. */
export function expandTemplate(text: string, values: TemplateValues, template: string): string[] {
  const out: string[] = [];
  const stack: { keep: boolean; kind: 'if' | 'unless' }[] = [];
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    const block = /^\s*\{\{(#if|#unless|\/if|\/unless) ?([A-Za-z0-9]*)\}\}\s*$/.exec(raw);
    if (block) {
      const [, tag, name = ''] = block;
      if (tag === '#if' || tag === '#unless') {
        const condition = truthy(lookup(values, name, template));
        stack.push({ keep: tag === '#if' ? condition : !condition, kind: tag === '#if' ? 'if' : 'unless' });
      } else if (stack.pop()?.kind !== tag?.slice(1)) {
        throw new TemplateError(`${template}: {{${tag ?? ''}}} without its opening block`);
      }
      continue;
    }
    if (stack.some((entry) => !entry.keep)) continue;
    const list = /\{\{\*([A-Za-z][A-Za-z0-9]*)\}\}/.exec(raw);
    if (list) {
      const value = lookup(values, list[1] ?? '', template);
      if (!Array.isArray(value)) throw new TemplateError(`${template}: {{*${list[1] ?? ''}}} is not a list`);
      for (const item of value as readonly string[]) out.push(substitute(raw.replace(list[0], () => item.replace(/\{\{/g, '{ {')), values, template));
      continue;
    }
    out.push(substitute(raw, values, template));
  }
  if (stack.length > 0) throw new TemplateError(`${template}: a {{#if}} or {{#unless}} block is not closed`);
  return out;
}

/** Lines grouped into headings, bullets and paragraphs (consecutive text lines join into one paragraph). */
export function renderTemplate(text: string, values: TemplateValues, template: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const line of expandTemplate(text, values, template)) {
    if (line.trim() === '') {
      flush();
    } else if (line.startsWith('## ')) {
      flush();
      blocks.push({ kind: 'subheading', text: line.slice(3).trim() });
    } else if (line.startsWith('# ')) {
      flush();
      blocks.push({ kind: 'heading', text: line.slice(2).trim() });
    } else if (line.startsWith('- ')) {
      flush();
      blocks.push({ kind: 'bullet', text: line.slice(2).trim() });
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
