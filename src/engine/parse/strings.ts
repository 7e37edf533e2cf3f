/**
 * String-literal decoding: the counterpart of CPython's Parser/string_parser.c
 * (escape sequences, bytes literals, the pieces of an f-string).
 */
import { parts, deferred } from '../ondemand.js';

/** Thrown for a literal CPython rejects or the simulator cannot decode; the parser adds the location. */
export class StringError {
  constructor(public msg: string, public unsupported = false) {}
}

/**
 * Decode the body of a (non-f) string or one literal piece of an f-string.
 * `raw` keeps backslashes; `fstringPiece` also turns `{{`/`}}` into `{`/`}`.
 */
export function decodeStr(body: string, raw: boolean, fstringPiece = false): string {
  if (raw) return fstringPiece ? undoubleBraces(body) : body;
  if (body.indexOf('\\') < 0) return fstringPiece ? undoubleBraces(body) : body;
  let out = '';
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body[i];
    if (c === '{' && fstringPiece && body[i + 1] === '{') { out += '{'; i += 2; continue; }
    if (c === '}' && fstringPiece && body[i + 1] === '}') { out += '}'; i += 2; continue; }
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
        const hex = body.slice(i, i + len);
        if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) {
          const kind = e === 'x' ? 'truncated \\xXX escape' : e === 'u' ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
          throw new StringError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${out.length}-${out.length + 1 + hex.length}: ${kind}`);
        }
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) {
          throw new StringError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${out.length}-${out.length + 9}: illegal Unicode character`);
        }
        out += String.fromCodePoint(cp);
        i += len;
        break;
      }
      case 'N':
        throw new StringError('not supported by the simulator: \\N{...} escapes in string literals', true);
      default:
        if (e !== undefined && e >= '0' && e <= '7') {
          let j = i - 1;
          let v = 0;
          let k = 0;
          while (k < 3 && j < n && body[j] >= '0' && body[j] <= '7') { v = v * 8 + (body.charCodeAt(j) - 48); j++; k++; }
          out += String.fromCodePoint(v);
          i = j;
        } else {
          // invalid escapes are kept verbatim (CPython warns, SyntaxWarning)
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
