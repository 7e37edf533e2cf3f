// Finds the course's components in a chapter's MDX source, with their props,
// without rendering it: the recorder (scripts/record-chapters.ts) and the
// content tests (tests/content/) use it to list every program a chapter
// contains, and to check claims against their proofs.
//
// Only what chapters use is understood: `<Name attr="text" attr={expression}>`
// where an expression is a JavaScript literal (template literals without
// `${}`, arrays, objects). Expressions are evaluated as JavaScript, so this is
// for the project's own content only — never for a learner's input.

/** One component tag found in the source. */
export interface ScannedTag {
  name: string;
  props: Record<string, unknown>;
  /** 1-based line of the `<` */
  line: number;
  /** how many `##`-or-deeper headings come before the tag: tags with the same number share a section */
  section: number;
  /** the heading text of that section ('' before the first heading) */
  heading: string;
  /** the raw text between `<Name …>` and `</Name>`, or null for a self-closing tag */
  children: string | null;
}

const NAME_START = /[A-Z]/;

/** Every `<Name …>` in `source` whose Name is in `names`. */
export function scanComponents(source: string, names: readonly string[]): ScannedTag[] {
  const wanted = new Set(names);
  const out: ScannedTag[] = [];
  const headings = headingOffsets(source);
  let i = 0;
  while (i < source.length) {
    // skip fenced code blocks: a `<Name` inside one is text, not a component
    if (source.startsWith('```', i) && (i === 0 || source[i - 1] === '\n')) {
      const end = source.indexOf('\n```', i + 3);
      i = end < 0 ? source.length : end + 4;
      continue;
    }
    if (source[i] === '<' && NAME_START.test(source[i + 1] ?? '')) {
      const m = /^<([A-Za-z][A-Za-z0-9]*)/.exec(source.slice(i, i + 64));
      const name = m ? m[1] : '';
      if (wanted.has(name)) {
        const start = i;
        const { props, end, selfClosing } = parseAttributes(source, i + 1 + name.length, name);
        let children: string | null = null;
        let after = end;
        if (!selfClosing) {
          const close = source.indexOf(`</${name}>`, end);
          if (close < 0) throw new Error(`<${name}> at line ${lineOf(source, start)} has no </${name}>`);
          children = source.slice(end, close);
          after = close + name.length + 3;
        }
        const section = headings.filter((h) => h.offset < start).length;
        out.push({
          name,
          props,
          line: lineOf(source, start),
          section,
          heading: section > 0 ? headings[section - 1].text : '',
          children,
        });
        // nested components (a Playground inside a Callout) are found because we resume inside the children
        i = children === null ? after : end;
        continue;
      }
    }
    i++;
  }
  return out;
}

function headingOffsets(source: string): { offset: number; text: string }[] {
  const out: { offset: number; text: string }[] = [];
  const re = /^(#{2,6})\s+(.*)$/gm;
  let inFence = false;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    // count fences between the previous heading and this one
    const between = source.slice(last, m.index).match(/^```/gm);
    if (between && between.length % 2 === 1) inFence = !inFence;
    last = m.index;
    if (!inFence) out.push({ offset: m.index, text: m[2].trim() });
  }
  return out;
}

function lineOf(source: string, offset: number): number {
  let n = 1;
  for (let k = 0; k < offset; k++) if (source.charCodeAt(k) === 10) n++;
  return n;
}

function parseAttributes(
  s: string,
  i: number,
  name: string,
): { props: Record<string, unknown>; end: number; selfClosing: boolean } {
  const props: Record<string, unknown> = {};
  for (;;) {
    while (/\s/.test(s[i] ?? '')) i++;
    if (i >= s.length) throw new Error(`<${name}> is not closed`);
    if (s.startsWith('/>', i)) return { props, end: i + 2, selfClosing: true };
    if (s[i] === '>') return { props, end: i + 1, selfClosing: false };
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(s.slice(i, i + 64));
    if (!m) throw new Error(`<${name}>: cannot read an attribute at line ${lineOf(s, i)}`);
    const attr = m[0];
    i += attr.length;
    while (/\s/.test(s[i] ?? '')) i++;
    if (s[i] !== '=') {
      props[attr] = true;
      continue;
    }
    i++;
    while (/\s/.test(s[i] ?? '')) i++;
    if (s[i] === '"' || s[i] === "'") {
      const q = s[i];
      const end = s.indexOf(q, i + 1);
      props[attr] = s.slice(i + 1, end);
      i = end + 1;
    } else if (s[i] === '{') {
      const end = skipExpression(s, i);
      const expr = s.slice(i + 1, end - 1);
      try {
        props[attr] = new Function(`return (${expr});`)();
      } catch (e) {
        throw new Error(`<${name} ${attr}={…}> at line ${lineOf(s, i)}: ${(e as Error).message}`);
      }
      i = end;
    } else {
      throw new Error(`<${name} ${attr}=…> at line ${lineOf(s, i)}: expected "…" or {…}`);
    }
  }
}

/** Offset just after the `}` matching the `{` at `i`, skipping strings and template literals. */
function skipExpression(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < s.length && s[i] !== c) i += s[i] === '\\' ? 2 : 1;
    } else if (c === '`') {
      i++;
      while (i < s.length && s[i] !== '`') {
        if (s[i] === '\\') i += 2;
        else if (s.startsWith('${', i)) i = skipExpression(s, i + 1);
        else i++;
      }
    }
    i++;
  }
  throw new Error('unclosed {');
}
