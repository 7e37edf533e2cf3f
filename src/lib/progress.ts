// A learner's progress through the course, kept in the browser only.
//
// Stored shape — localStorage key `pml:v1:progress`, value JSON:
//
//   {
//     "v": 1,
//     "chapters": {
//       "<chapter-slug>": {            // the chapter's id, e.g. "names-and-objects"
//         "visited": true,              // the chapter page has been opened
//         "solved": ["ex1", "ex3"],     // ids of solved exercises (data-exercise-id)
//         "quiz": { "score": 4, "total": 5 }   // the best quiz result
//       }
//     }
//   }
//
// Every field of a chapter is optional. Readers ignore what they do not
// understand: a missing key, unparsable JSON, another `v`, or a field of the
// wrong type reads as "no progress" for that part, never as an error.
// Writers (`updateChapter`) keep fields they do not know, so a later version of
// the exercise or quiz components can add fields without losing others' data.

export const PROGRESS_KEY = 'pml:v1:progress';

/**
 * Dispatched on `window` after a page changes the stored progress (a quiz
 * result, a solved exercise, an import or a reset), so badges on the same
 * page (home page, sidebar) can redraw. Other tabs see a `storage` event.
 */
export const PROGRESS_EVENT = 'pml:progress-changed';

export interface QuizResult {
  score: number;
  total: number;
}

export interface ChapterProgress {
  visited: boolean;
  solved: string[];
  quiz: QuizResult | null;
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The stored document, or a fresh one when `raw` is absent or not ours. */
function parseDocument(raw: string | null): { v: 1; chapters: Record<string, Json> } & Json {
  if (raw !== null) {
    try {
      const doc: unknown = JSON.parse(raw);
      if (isObject(doc) && doc.v === 1 && isObject(doc.chapters)) {
        return doc as { v: 1; chapters: Record<string, Json> } & Json;
      }
    } catch {
      // corrupt: treated as no progress
    }
  }
  return { v: 1, chapters: {} };
}

/** One chapter's progress from the stored string (`localStorage.getItem(PROGRESS_KEY)`). */
export function readChapter(raw: string | null, slug: string): ChapterProgress {
  const entry = parseDocument(raw).chapters[slug];
  const out: ChapterProgress = { visited: false, solved: [], quiz: null };
  if (!isObject(entry)) return out;
  out.visited = entry.visited === true;
  if (Array.isArray(entry.solved)) {
    out.solved = [...new Set(entry.solved.filter((s): s is string => typeof s === 'string'))];
  }
  const q = entry.quiz;
  if (
    isObject(q) &&
    typeof q.score === 'number' &&
    typeof q.total === 'number' &&
    Number.isInteger(q.score) &&
    Number.isInteger(q.total) &&
    q.total > 0 &&
    q.score >= 0 &&
    q.score <= q.total
  ) {
    out.quiz = { score: q.score, total: q.total };
  }
  return out;
}

/** Short text for the home page's badge, '' when there is nothing to show. */
export function badgeText(p: ChapterProgress): string {
  const parts: string[] = [];
  if (p.solved.length > 0) parts.push(`${p.solved.length} exercise${p.solved.length === 1 ? '' : 's'} solved`);
  if (p.quiz) parts.push(`quiz ${p.quiz.score}/${p.quiz.total}`);
  if (parts.length === 0 && p.visited) parts.push('started');
  return parts.join(' · ');
}

/**
 * Shorter text for the sidebar: only what was achieved ("2 solved · quiz 6/8"),
 * '' when there is nothing.
 */
export function sidebarText(p: ChapterProgress): string {
  const parts: string[] = [];
  if (p.solved.length > 0) parts.push(`${p.solved.length} solved`);
  if (p.quiz) parts.push(`quiz ${p.quiz.score}/${p.quiz.total}`);
  return parts.join(' · ');
}

/**
 * The stored string after merging `patch` into one chapter's entry; fields
 * not in `patch` (including unknown ones) are kept.
 */
export function updateChapter(raw: string | null, slug: string, patch: Partial<ChapterProgress>): string {
  const doc = parseDocument(raw);
  const prev = isObject(doc.chapters[slug]) ? doc.chapters[slug] : {};
  doc.chapters[slug] = { ...prev, ...patch };
  return JSON.stringify(doc);
}

/** localStorage, or null where it is unavailable (private modes, sandboxed frames). */
export function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Tells this page's progress displays that the stored progress changed. */
export function announceProgressChange(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

/** The stored progress string; null when there is none or storage cannot be read. */
export function readStoredProgress(): string | null {
  try {
    return storage()?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * Draws a progress display now and again whenever the stored progress
 * changes: on this page (announceProgressChange) or in another tab.
 */
export function watchProgress(draw: (raw: string | null) => void): void {
  const redraw = (): void => draw(readStoredProgress());
  redraw();
  window.addEventListener(PROGRESS_EVENT, redraw);
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key === PROGRESS_KEY) redraw();
  });
}
