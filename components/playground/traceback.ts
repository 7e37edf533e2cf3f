/**
 * Finds where an error points in the program, from the stderr CPython (and
 * the simulator) print, for the editor's markers:
 *
 *   SyntaxError                            uncaught exception
 *     File "<stdin>", line 1                 Traceback (most recent call last):
 *       x = (                                  File "<stdin>", line 8, in <module>
 *           ^                                    (source line and ^~~ markers, when shown)
 *   SyntaxError: '(' was never closed        ZeroDivisionError: division by zero
 *
 * The innermost `File "<our file>", line N` wins. CPython shows the source
 * line stripped of its indentation and indented by 4; the caret's column is
 * mapped back to the real line. Without carets the whole line is marked.
 */

export interface ErrorMark {
  kind: 'syntax' | 'exception';
  /** 1-based */
  line: number;
  /** 1-based, end exclusive (Monaco's convention) */
  startColumn: number;
  endColumn: number;
  /** the last line of the report, e.g. `NameError: name 'x' is not defined` */
  message: string;
}

const FILE_LINE = /^ {2}File "(.*)", line (\d+)(, in .*)?$/;

export function findErrorMark(stderr: string, source: string, filename = '<stdin>'): ErrorMark | null {
  const lines = stderr.replace(/\n$/, '').split('\n');
  let message = '';
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i] !== '' && !lines[i].startsWith(' ')) {
      message = lines[i];
      break;
    }
  }
  let at = -1;
  let lineNo = 0;
  let inFunction = false;
  for (let i = 0; i < lines.length; i++) {
    const m = FILE_LINE.exec(lines[i]);
    if (m !== null && m[1] === filename) {
      at = i;
      lineNo = Number(m[2]);
      inFunction = m[3] !== undefined;
    }
  }
  if (at < 0 || lineNo < 1) return null;
  const srcLines = source.split('\n');
  const text = (srcLines[lineNo - 1] ?? '').replace(/\r$/, '');
  const indent = text.length - text.trimStart().length;
  const kind: ErrorMark['kind'] = !inFunction && message.startsWith('SyntaxError') || /^(IndentationError|TabError)\b/.test(message)
    ? 'syntax' : 'exception';
  let startColumn = indent + 1;
  let endColumn = Math.max(text.length + 1, startColumn + 1);
  const shown = lines[at + 1];
  const carets = lines[at + 2];
  if (shown !== undefined && carets !== undefined && shown.startsWith('    ') && /^ *[~^]+[~^ ]*$/.test(carets)) {
    // the shown line is the source line without its indentation, indented by 4
    const first = carets.search(/[~^]/);
    const last = carets.trimEnd().length;
    const s = first - 4 + indent;
    const e = last - 4 + indent;
    if (s >= 0) {
      startColumn = s + 1;
      endColumn = Math.max(e + 1, startColumn + 1);
    }
  }
  return { kind, line: lineNo, startColumn, endColumn, message };
}
