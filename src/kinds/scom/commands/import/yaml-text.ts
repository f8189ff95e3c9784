/**
 * The few pieces of YAML the importer writes: scalars quoted wherever a plain one could be misread,
 * flow collections for nested values, and comments that no name can break out of.
 */

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.()/-]+)*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/** A string as a YAML scalar: plain where that reads back as the same string, else double-quoted. */
export function scalar(value: string): string {
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  // JSON's escapes are YAML's double-quoted escapes; the line and paragraph separators are escaped
  // too, since some readers take them as line breaks.
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Any JSON value in flow style, on one line. */
export function flow(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return scalar(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${scalar(k)}: ${flow(v)}`)
      .join(', ')}}`;
  return 'null';
}

/** Text for a comment: one line, no control characters. */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** Lines of YAML with comments, indented as they are added. */
export class YamlLines {
  private readonly lines: string[] = [];

  comment(indent: number, text: string): this {
    this.lines.push(`${' '.repeat(indent)}# ${commentText(text)}`);
    return this;
  }

  /** `key: value`, or `key:` alone when value is undefined, with a trailing comment if given. */
  key(indent: number, key: string, value?: string, note?: string): this {
    const head = `${' '.repeat(indent)}${key}:${value === undefined ? '' : ` ${value}`}`;
    this.lines.push(note ? `${head}  # ${commentText(note)}` : head);
    return this;
  }

  /** A mapping's entries as a block, each value in flow style. */
  entries(indent: number, values: Readonly<Record<string, unknown>>): this {
    for (const [k, v] of Object.entries(values)) this.key(indent, scalar(k), flow(v));
    return this;
  }

  /** A sequence item whose first entry is `key: value`. */
  item(indent: number, key: string, value: string, note?: string): this {
    return this.key(indent, `- ${key}`, value, note);
  }

  blank(): this {
    this.lines.push('');
    return this;
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
