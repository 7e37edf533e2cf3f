/**
 * String-literal decoding: the counterpart of CPython's Parser/string_parser.c
 * (escape sequences, bytes literals, the pieces of an f-string).
 */

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

/** Decode the body of a bytes literal into byte values. */
export function decodeBytes(body: string, raw: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body.charCodeAt(i) >= 128) throw new StringError('bytes can only contain ASCII literal characters');
  }
  if (raw) {
    for (let i = 0; i < body.length; i++) out.push(body.charCodeAt(i));
    return out;
  }
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c !== '\\') { out.push(body.charCodeAt(i)); i++; continue; }
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case '\n': break;
      case '\\': out.push(92); break;
      case "'": out.push(39); break;
      case '"': out.push(34); break;
      case 'a': out.push(7); break;
      case 'b': out.push(8); break;
      case 'f': out.push(12); break;
      case 'n': out.push(10); break;
      case 'r': out.push(13); break;
      case 't': out.push(9); break;
      case 'v': out.push(11); break;
      case 'x': {
        const hex = body.slice(i, i + 2);
        if (hex.length < 2 || !/^[0-9a-fA-F]{2}$/.test(hex)) {
          throw new StringError(`(value error) invalid \\x escape at position ${out.length}`);
        }
        out.push(parseInt(hex, 16));
        i += 2;
        break;
      }
      default:
        if (e !== undefined && e >= '0' && e <= '7') {
          let j = i - 1, v = 0, k = 0;
          while (k < 3 && j < body.length && body[j] >= '0' && body[j] <= '7') { v = v * 8 + (body.charCodeAt(j) - 48); j++; k++; }
          out.push(v & 0xff);
          i = j;
        } else {
          out.push(92);
          if (e !== undefined) out.push(e.charCodeAt(0));
        }
    }
  }
  return out;
}

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
