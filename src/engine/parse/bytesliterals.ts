/**
 * Bytes literals decoded, b'...' (an on-demand part with the bytes methods,
 * see ondemand.ts: a bytes literal in a program's text loads it). Moved here
 * verbatim from parse/strings.ts, which keeps its stub.
 */
import { StringError, invalidEscapes } from './strings.js';

/** Decode the body of a bytes literal into byte values (_PyBytes_DecodeEscape). */
function decodeBytes(body: string, raw: boolean): number[] {
  invalidEscapes.length = 0;
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
          // the position of the backslash in the literal's text, not in the bytes made so far
          throw new StringError(`(value error) invalid \\x escape at position ${i - 2}`);
        }
        out.push(parseInt(hex, 16));
        i += 2;
        break;
      }
      default:
        if (e !== undefined && e >= '0' && e <= '7') {
          let j = i - 1, v = 0, k = 0;
          while (k < 3 && j < body.length && body[j] >= '0' && body[j] <= '7') { v = v * 8 + (body.charCodeAt(j) - 48); j++; k++; }
          if (v > 0o377 && invalidEscapes.length === 0) invalidEscapes.push(i - 2);
          out.push(v & 0xff);
          i = j;
        } else {
          if (e !== undefined && invalidEscapes.length === 0) invalidEscapes.push(i - 2);
          out.push(92);
          if (e !== undefined) out.push(e.charCodeAt(0));
        }
    }
  }
  return out;
}

export const bytesLiterals = { decodeBytesLiteral: decodeBytes };
