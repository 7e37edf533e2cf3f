// A learner's progress as a file: what the home page's Export writes, Import
// reads, and Reset removes. Pure functions over a list of storage entries;
// components/ProgressPanel.astro does the localStorage and file I/O.
//
// The file (`python-memory-lab-progress.json`):
//
//   {
//     "format": "python-memory-lab-progress",    // marks the file as ours
//     "version": 1,                              // of this file format
//     "exportedAt": "2025-01-31T12:00:00.000Z",
//     "storage": {                               // localStorage keys → their values, parsed
//       "pml:v1:progress": { "v": 1, "chapters": { … } },              // src/lib/progress.ts
//       "pml:v1:code:reference-counting:p2": { "v": 1, "code": "…" }   // components/playground/storage.ts
//     }
//   }
//
// Only progress and saved code travel. Reset removes every `pml:v1:*` key
// except the theme (`pml:v1:theme`), which is a setting of this browser,
// not progress: it is neither exported, imported nor reset.
// Import checks the whole file before anything changes: a file that is not
// ours, of another version, or with any malformed entry is refused whole.

import { PROGRESS_KEY } from './progress';

export const FILE_FORMAT = 'python-memory-lab-progress';
export const FILE_VERSION = 1;
export const FILE_NAME = 'python-memory-lab-progress.json';
/** larger than anything localStorage (about 5 MB) could have held */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

const CODE_PREFIX = 'pml:v1:code:';
/** `pml:v1:code:<chapter>:<editor id>`: both parts as the site makes them */
const CODE_KEY = /^pml:v1:code:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/;

export interface ProgressFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  exportedAt: string;
  storage: Record<string, unknown>;
}

const THEME_KEY = 'pml:v1:theme';

/** Keys that hold a learner's progress or code (what Export takes and Import replaces). */
export function isProgressKey(key: string): boolean {
  return key === PROGRESS_KEY || key.startsWith(CODE_PREFIX);
}

/** Keys Reset removes: everything the site keeps for the learner, but the theme. */
export function isResetKey(key: string): boolean {
  return key.startsWith('pml:v1:') && key !== THEME_KEY;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The export document for the given storage entries (key, raw string value).
 * Entries that are not progress or code, or whose value does not parse, are
 * left out: the file holds only what Import would accept.
 */
export function buildExport(entries: Iterable<[string, string]>, now: Date): ProgressFile {
  const storage: Record<string, unknown> = {};
  const keys = [...entries].filter(([k]) => isProgressKey(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, raw] of keys) {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue;
    }
    if (entryProblem(key, value) === null) storage[key] = value;
  }
  return { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: now.toISOString(), storage };
}

/** Why one entry of a file cannot be imported, or null when it can. */
function entryProblem(key: string, value: unknown): string | null {
  if (key === PROGRESS_KEY) {
    if (!isObject(value) || value.v !== 1 || !isObject(value.chapters)) {
      return `its progress (${PROGRESS_KEY}) is not a version 1 progress record`;
    }
    for (const [slug, entry] of Object.entries(value.chapters)) {
      if (!isObject(entry)) return `its progress for chapter "${slug}" is not a record`;
    }
    return null;
  }
  if (key.startsWith(CODE_PREFIX)) {
    if (!CODE_KEY.test(key)) return `it has saved code under a malformed name (${JSON.stringify(key)})`;
    if (!isObject(value) || value.v !== 1 || typeof value.code !== 'string') {
      return `its saved code ${JSON.stringify(key.slice(CODE_PREFIX.length))} is not a version 1 code record`;
    }
    return null;
  }
  return `it holds an entry this site does not keep (${JSON.stringify(key)})`;
}

/** What an accepted import changes: every progress key removed, then these set. */
export interface ImportPlan {
  /** keys to write, with their raw (JSON string) values */
  set: [string, string][];
  chapters: number;
  codeEntries: number;
  exportedAt: string | null;
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; reason: string };

/**
 * Checks a file's text. On success, the entries to write; on failure a
 * reason to show the learner ("it is not valid JSON"), after
 * "This file could not be imported: ".
 */
export function parseImport(text: string): ImportResult {
  const fail = (reason: string): ImportResult => ({ ok: false, reason });
  if (text.length > MAX_FILE_BYTES) return fail('it is too large to be a progress file');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('it is not a JSON file (it may be damaged, or a different file)');
  }
  if (!isObject(doc) || doc.format !== FILE_FORMAT) {
    return fail('it is not a Python Memory Lab progress file');
  }
  if (doc.version !== FILE_VERSION) {
    return fail(`it was saved in format version ${JSON.stringify(doc.version)}, and this site reads version ${FILE_VERSION}`);
  }
  if (!isObject(doc.storage)) return fail('it has no progress in it (the "storage" part is missing)');
  const set: [string, string][] = [];
  let chapters = 0;
  let codeEntries = 0;
  for (const [key, value] of Object.entries(doc.storage)) {
    const problem = entryProblem(key, value);
    if (problem !== null) return fail(problem);
    set.push([key, JSON.stringify(value)]);
    if (key === PROGRESS_KEY) chapters = Object.keys((value as { chapters: object }).chapters).length;
    else codeEntries++;
  }
  const exportedAt = typeof doc.exportedAt === 'string' && !Number.isNaN(Date.parse(doc.exportedAt)) ? doc.exportedAt : null;
  return { ok: true, plan: { set, chapters, codeEntries, exportedAt } };
}

/** A summary of an import for the learner: "Imported progress for 3 chapters and 2 saved code edits." */
export function importSummary(plan: ImportPlan): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const what = `progress for ${n(plan.chapters, 'chapter', 'chapters')} and ${n(plan.codeEntries, 'saved code edit', 'saved code edits')}`;
  return `Imported ${what}${plan.exportedAt ? ` (exported ${plan.exportedAt.slice(0, 10)})` : ''}.`;
}

/** Minimal storage surface, so the functions below run against localStorage or a test double. */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Every (key, value) in a store. */
export function storeEntries(store: KeyValueStore): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    const value = key === null ? null : store.getItem(key);
    if (key !== null && value !== null) out.push([key, value]);
  }
  return out;
}

/** Removes the keys `which` selects. Returns how many were removed. */
function removeKeys(store: KeyValueStore, which: (key: string) => boolean): number {
  const keys = storeEntries(store)
    .map(([k]) => k)
    .filter(which);
  for (const k of keys) store.removeItem(k);
  return keys.length;
}

/** Reset: removes every `pml:v1:*` key but the theme. Returns how many were removed. */
export function resetProgress(store: KeyValueStore): number {
  return removeKeys(store, isResetKey);
}

/**
 * Replaces the stored progress and code by an import plan. All or nothing:
 * when a write fails (storage full), what was there before is put back and
 * the error is rethrown.
 */
export function applyImport(store: KeyValueStore, plan: ImportPlan): void {
  const before = storeEntries(store).filter(([k]) => isProgressKey(k));
  try {
    removeKeys(store, isProgressKey);
    for (const [k, v] of plan.set) store.setItem(k, v);
  } catch (e) {
    try {
      removeKeys(store, isProgressKey);
      for (const [k, v] of before) store.setItem(k, v);
    } catch {
      // nothing more can be done; the caller reports the failure
    }
    throw e;
  }
}
