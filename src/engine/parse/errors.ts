/** Syntax-error plumbing: the counterpart of CPython's Parser/pegen_errors.c. */

export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError';

export interface SyntaxErrorInfo {
  type: SyntaxErrorType;
  /** exactly CPython 3.12's message, e.g. "expected ':'" */
  msg: string;
  /** 1-based */
  lineno: number;
  /** 1-based column of the caret, as CPython's SyntaxError.offset */
  offset: number;
  end_lineno: number;
  end_offset: number;
  /** the source line */
  text: string;
  /** true when the input is valid Python the simulator does not support */
  unsupported?: boolean;
}

/** A SyntaxWarning the parser gives (an invalid escape in a literal), printed before the program runs. */
export interface ParseWarning {
  lineno: number;
  message: string;
}

/**
 * Thrown inside the tokenizer/parser and caught by `parse()`; it never escapes
 * the parse package. Positions are 1-based line, 1-based column (CPython's
 * SyntaxError.offset convention).
 */
export class PySyntaxError {
  constructor(
    public type: SyntaxErrorType,
    public msg: string,
    public lineno: number,
    public offset: number,
    public end_lineno: number,
    public end_offset: number,
    /** which phase raised it: tokenizer errors win over parser errors, as in CPython */
    public fromTokenizer = false,
    public unsupported = false,
  ) {}
}
