/**
 * Where a playground keeps the learner's edited code: localStorage.
 *
 *   key:   pml:v1:code:<chapter-slug>:<playground-id>
 *   value: JSON { "v": 1, "code": "<the source>" }
 *
 * Nothing is stored while the code is the author's (Reset removes the key).
 * A value that does not parse, or has another `v`, is ignored and removed,
 * and the playground says so (never a broken page). Storage that throws
 * (private mode, disabled, full) just means nothing is kept.
 */

export const SCHEMA_VERSION = 1;

export interface StoredCode {
  v: 1;
  code: string;
}

export type LoadResult =
  | { status: 'none' }
  | { status: 'ok'; code: string }
  | { status: 'invalid' };

export function storageKey(chapter: string, id: string): string {
  return `pml:v1:code:${chapter}:${id}`;
}

export function parseStored(raw: string): string | null {
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    if (o.v !== SCHEMA_VERSION || typeof o.code !== 'string') return null;
    return o.code;
  } catch {
    return null;
  }
}

export function loadCode(key: string): LoadResult {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return { status: 'none' };
  }
  if (raw === null) return { status: 'none' };
  const code = parseStored(raw);
  if (code !== null) return { status: 'ok', code };
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing kept: nothing to remove */
  }
  return { status: 'invalid' };
}

export function saveCode(key: string, code: string, original: string): void {
  try {
    if (code === original) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ v: SCHEMA_VERSION, code } satisfies StoredCode));
  } catch {
    /* storage unavailable or full: the code just isn't kept */
  }
}

export function clearCode(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* ignore */
  }
}
