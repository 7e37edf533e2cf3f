/**
 * String-literal decoding: the counterpart of CPython's Parser/string_parser.c
 * (escape sequences, bytes literals, the pieces of an f-string).
 */
import { parts, deferred } from '../ondemand.js';

/** Thrown for a literal CPython rejects or the simulator cannot decode; the parser adds the location. */
export class StringError {
  constructor(public msg: string, public unsupported = false, public escape: BadEscape | null = null) {}
}

/**
 * An escape the 'unicodeescape' codec rejects (`msg` is its reason): the span the
 * codec reports, as indices into the literal's body. The codec decodes each piece
 * on its own (an f-string's literal text is cut after every `{{` and `}}`), and
 * counts positions in the piece as string_parser.c hands it over (every non-ASCII
 * character spelled `\UXXXXXXXX`): the parser's diagnostics work the numbers out.
 */
export interface BadEscape {
  body: string;
  /** where the piece starts */
  piece: number;
  /** the backslash */
  start: number;
  /** where the codec stopped: after the valid hex digits of a truncated `\x`, `\u`, `\U` */
  end: number;
}

/**
 * The backslash of each piece's first invalid escape (`\q`, or an octal one above
 * `\377`) in the body the last decodeStr or decodeBytes call decoded: CPython warns
 * for each (SyntaxWarning: invalid escape sequence '\q'); the parser reports them.
 */
export const invalidEscapes: number[] = [];

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * Decode the body of a (non-f) string or one literal piece of an f-string.
 * `raw` keeps backslashes; `fstringPiece` also turns `{{`/`}}` into `{`/`}`.
 */
export function decodeStr(body: string, raw: boolean, fstringPiece = false): string {
  invalidEscapes.length = 0;
  if (raw) return fstringPiece ? undoubleBraces(body) : body;
  if (body.indexOf('\\') < 0) return fstringPiece ? undoubleBraces(body) : body;
  let out = '';
  let i = 0;
  let piece = 0;
  let warned = false;
  const n = body.length;
  while (i < n) {
    const c = body[i];
    if ((c === '{' || c === '}') && fstringPiece && body[i + 1] === c) {
      out += c;
      i += 2;
      piece = i;
      warned = false;
      continue;
    }
    if (c !== '\\') { out += c; i++; continue; }
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': case 'u': case 'U': {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        let k = 0;
        while (k < len && i + k < n && isHexDigit(body.charCodeAt(i + k))) k++;
        if (k < len) {
          const kind = e === 'x' ? 'truncated \\xXX escape' : e === 'u' ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
          throw new StringError(kind, false, { body, piece, start: i - 2, end: i + k });
        }
        const cp = parseInt(body.slice(i, i + len), 16);
        if (cp > 0x10ffff) throw new StringError('illegal Unicode character', false, { body, piece, start: i - 2, end: i + len });
        out += String.fromCodePoint(cp);
        i += len;
        break;
      }
      case 'N': {
        // \N{name} needs the Unicode name database; a malformed one is an error without it
        const close = body[i] === '{' ? body.indexOf('}', i + 1) : -1;
        if (close > i + 1) throw new StringError('not supported by the simulator: \\N{...} escapes in string literals', true);
        const end = i >= n || body[i] !== '{' ? i : close < 0 ? n : close;
        throw new StringError('malformed \\N character escape', false, { body, piece, start: i - 2, end });
      }
      default:
        if (fstringPiece && (e === '{' || e === '}')) {
          // in an f-string the brace is not escaped: it is a field's or half of `{{`
          // (the tokenizer warned about the backslash already)
          out += '\\';
          i--;
        } else if (e !== undefined && e >= '0' && e <= '7') {
          let j = i - 1;
          let v = 0;
          let k = 0;
          while (k < 3 && j < n && body[j] >= '0' && body[j] <= '7') { v = v * 8 + (body.charCodeAt(j) - 48); j++; k++; }
          if (v > 0o377 && !warned) { invalidEscapes.push(i - 2); warned = true; }
          out += String.fromCodePoint(v);
          i = j;
        } else {
          // invalid escapes are kept verbatim (CPython warns, SyntaxWarning); a backslash
          // before a non-ASCII character reaches the codec as \u005c, no escape at all
          if (e !== undefined && e < '\x80' && !warned) { invalidEscapes.push(i - 2); warned = true; }
          out += '\\' + (e ?? '');
        }
    }
  }
  return out;
}

function undoubleBraces(s: string): string {
  if (s.indexOf('{{') < 0 && s.indexOf('}}') < 0) return s;
  return s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}

/**
 * A bytes literal's body decoded (escapes, ASCII check): an on-demand part with
 * the bytes methods, since a bytes literal loads that part (parse/bytesliterals.ts).
 */
export const decodeBytes = deferred<(body: string, raw: boolean) => number[]>(parts.bytes, 'decodeBytesLiteral');

/** Split a STRING token's text into prefix flags and body. */
export function splitStringToken(text: string): { raw: boolean; bytes: boolean; u: boolean; body: string } {
  let i = 0;
  while (text[i] !== '"' && text[i] !== "'") i++;
  const prefix = text.slice(0, i).toLowerCase();
  const q = text[i];
  const triple = text[i + 1] === q && text[i + 2] === q && text.length >= i + 6;
  const ql = triple ? 3 : 1;
  return {
    raw: prefix.includes('r'),
    bytes: prefix.includes('b'),
    u: prefix.includes('u'),
    body: text.slice(i + ql, text.length - ql),
  };
}
