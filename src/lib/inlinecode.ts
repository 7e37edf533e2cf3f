/**
 * Plain text with `backtick` code spans, split into parts for rendering as
 * text and <code> — the only markup allowed in quiz strings and in the claim
 * list. Never produces HTML: the caller renders each part as text.
 */
export interface TextPart {
  code: boolean;
  text: string;
}

export function inlineCodeParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const re = /`([^`]+)`/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ code: false, text: text.slice(last, m.index) });
    parts.push({ code: true, text: m[1] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}
