// What real CPython 3.12 printed for every program in the chapters.
//
// `npm run chapters:record` (scripts/record-chapters.ts) runs each program a
// chapter contains through CPython and writes `content/recorded/<slug>.json`:
//
//   { "python": "3.12.1",
//     "programs": { "<key>": { "code": "...", "stdout": "...", "stderr": "...", "exitCode": 0 } } }
//
// Components read it at build time (an output shown in a chapter, the right
// answer of a quiz question, a predict exercise's answer) and the content
// tests compare the simulator with it. Never edit a recording by hand.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scanComponents, type ScannedTag } from './mdxscan.js';
import { chapterSlug } from './slug.js';
import { withChecks } from './checks.js';

export interface Recording {
  code: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RecordingFile {
  python: string;
  programs: Record<string, Recording>;
}

export const RECORDED_DIR = join(process.cwd(), 'content', 'recorded');
export const CHAPTERS_DIR = join(process.cwd(), 'content', 'chapters');

/** The key of a program in a recording file: a hash of its exact text. */
export function programKey(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 16);
}

export { withChecks };

/** A program of a chapter, and where it comes from (for messages). */
export interface ChapterProgram {
  code: string;
  /** e.g. `Playground p3`, `Exercise ex-alias (solution)`, `Quiz quiz question 4` */
  where: string;
  line: number;
}

export const COMPONENTS = ['Playground', 'Exercise', 'Quiz', 'Claim', 'Output'] as const;

export function scanChapter(source: string): ScannedTag[] {
  return scanComponents(source, COMPONENTS);
}

/** Every program in a chapter's MDX source that must have a CPython recording. */
export function chapterPrograms(source: string): ChapterProgram[] {
  const out: ChapterProgram[] = [];
  for (const tag of scanChapter(source)) {
    const p = tag.props;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    if (tag.name === 'Playground' && str(p.code)) {
      out.push({ code: p.code as string, where: `Playground ${String(p.id)}`, line: tag.line });
    } else if (tag.name === 'Exercise') {
      const id = String(p.id);
      if (p.kind === 'predict') {
        if (str(p.code)) out.push({ code: p.code as string, where: `Exercise ${id} (code)`, line: tag.line });
      } else {
        const checks = str(p.checks);
        if (str(p.solution)) out.push({ code: withChecks(p.solution as string, checks), where: `Exercise ${id} (solution)`, line: tag.line });
        if (str(p.starter)) out.push({ code: withChecks(p.starter as string, checks), where: `Exercise ${id} (starter)`, line: tag.line });
        if (Array.isArray(p.wrong)) {
          p.wrong.forEach((w, k) => {
            if (typeof w === 'string') out.push({ code: withChecks(w, checks), where: `Exercise ${id} (wrong answer ${k + 1})`, line: tag.line });
          });
        }
      }
    } else if (tag.name === 'Quiz' && Array.isArray(p.questions)) {
      p.questions.forEach((q: unknown, k: number) => {
        const code = q && typeof q === 'object' ? (q as { code?: unknown }).code : undefined;
        if (typeof code === 'string') out.push({ code, where: `Quiz ${String(p.id)} question ${k + 1}`, line: tag.line });
      });
    }
  }
  return out;
}

const cache = new Map<string, { mtime: number; file: RecordingFile }>();

/** The recording file of a chapter, or null when it has none yet (re-read when it changes, for `astro dev`). */
export function readRecordings(slug: string): RecordingFile | null {
  const path = join(RECORDED_DIR, `${slug}.json`);
  if (!existsSync(path)) return null;
  const mtime = statSync(path).mtimeMs;
  const hit = cache.get(slug);
  if (hit && hit.mtime === mtime) return hit.file;
  const file = JSON.parse(readFileSync(path, 'utf8')) as RecordingFile;
  cache.set(slug, { mtime, file });
  return file;
}

/**
 * CPython's run of `code` in chapter `slug`. Throws (failing the build) when
 * there is none, naming what to do.
 */
export function recordedRun(slug: string, code: string, where: string): Recording {
  const rec = readRecordings(slug)?.programs[programKey(code)];
  if (!rec || rec.code !== code) {
    throw new Error(
      `${where} in chapter "${slug}" has no CPython recording of its current code. Run: npm run chapters:record`,
    );
  }
  return rec;
}

const scans = new Map<string, { mtime: number; tags: ScannedTag[] }>();

/**
 * The components of the chapter whose id is `slug` (content/chapters/NN-<slug>.mdx),
 * or undefined when there is no such chapter. Scanned once per version of the
 * file: every Playground, Claim and Output on a page asks.
 */
function chapterTags(slug: string): ScannedTag[] | undefined {
  const file = readdirSync(CHAPTERS_DIR).find((f) => f.endsWith('.mdx') && chapterSlug(f) === slug);
  if (!file) return undefined;
  const path = join(CHAPTERS_DIR, file);
  const mtime = statSync(path).mtimeMs;
  const hit = scans.get(path);
  if (hit && hit.mtime === mtime) return hit.tags;
  const tags = scanChapter(readFileSync(path, 'utf8'));
  scans.set(path, { mtime, tags });
  return tags;
}

/** The code of Playground `id` in chapter `slug`, read from the chapter's source. */
export function playgroundCode(slug: string, id: string): string | undefined {
  const code = sourceProps(slug, 'Playground', id)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What a program shows a learner: stdout, then the traceback if it raised. */
export function shownOutput(rec: Recording): string {
  return rec.stdout + rec.stderr;
}

/**
 * The props of component `name` with this `id` in chapter `slug`, as written in
 * the MDX source — or undefined outside a chapter. Components take their code
 * from here rather than from Astro.props because MDX removes up to two leading
 * spaces from each continuation line of a JSX attribute's template literal
 * (mdx-js/mdx#2666), which would break indented Python; reading the source
 * also guarantees the page runs exactly the text the recorder ran.
 */
export function sourceProps(slug: string, name: string, id: string): Record<string, unknown> | undefined {
  return chapterTags(slug)?.find((t) => t.name === name && t.props.id === id)?.props;
}
