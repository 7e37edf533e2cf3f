/**
 * <pml-exercise>: makes an exercise rendered by Exercise.astro work.
 *
 *   Check (kind="code")    runs the learner's code + the hidden checks in the
 *                          engine's worker and says what the result means
 *                          (verdict.ts)
 *   Check (kind="predict") compares the typed answer with CPython's (in the page)
 *   Show a hint            reveals the next hint
 *   Show solution          offered after 3 failed checks (and once solved)
 *
 * A solved exercise gets data-status="solved", a "Solved" badge, and its id in
 * the chapter's `solved` list in localStorage `pml:v1:progress`
 * (src/lib/progress.ts); a reloaded page shows it solved. The learner's code
 * is kept by the embedded playground (`pml:v1:code:<chapter>:<id>`).
 * Unreadable or unavailable storage only means nothing is remembered.
 */

import { PROGRESS_KEY, announceProgressChange, readChapter, readStoredProgress, storage, updateChapter } from '../../src/lib/progress';
import type { RunnerClient } from '../../src/runner/client';
import type { PythonVersion } from '../../src/runner/protocol';
import { checkProgram, comparePrediction, verdict, type CheckRun } from './verdict';

/** Failed checks before the solution is offered. */
const ATTEMPTS_BEFORE_SOLUTION = 3;

/** What a playground element offers an exercise (components/playground/element.ts). */
interface PlaygroundLike extends HTMLElement {
  readonly code: string;
}

// One engine worker runs every exercise's checks on the page, one at a time.
let runner: Promise<RunnerClient> | null = null;
let queue: Promise<unknown> = Promise.resolve();

function checkRun(source: string, python: PythonVersion): Promise<CheckRun> {
  runner ??= import('../../src/runner/client').then((m) => new m.RunnerClient());
  const next = queue.then(async () => (await runner!).run(source, python));
  queue = next.catch(() => undefined);
  return next;
}

function template(root: HTMLElement, cls: string): string | null {
  const t = root.querySelector<HTMLTemplateElement>(`template.${cls}`);
  return t === null ? null : t.content.textContent ?? '';
}

type FeedbackKind = 'solved' | 'wrong' | 'busy';

class ExerciseElement extends HTMLElement {
  private id_ = '';
  private chapter = '';
  private failures = 0;
  private checking = false;
  private form!: HTMLFormElement;
  private checkButton!: HTMLButtonElement;
  private feedback!: HTMLElement;
  private hintButton: HTMLButtonElement | null = null;
  private hints: HTMLLIElement[] = [];
  private solutionButton!: HTMLButtonElement;
  private solution!: HTMLElement;

  connectedCallback(): void {
    if (this.dataset.ready === 'true') return;
    const form = this.querySelector<HTMLFormElement>('form.ex-form');
    const check = this.querySelector<HTMLButtonElement>('[data-testid="check"]');
    const feedback = this.querySelector<HTMLElement>('[data-testid="feedback"]');
    const solutionButton = this.querySelector<HTMLButtonElement>('.ex-solution-btn');
    const solution = this.querySelector<HTMLElement>('.ex-solution');
    if (!form || !check || !feedback || !solutionButton || !solution) return;
    this.dataset.ready = 'true';
    this.id_ = this.dataset.exerciseId ?? '';
    this.chapter = this.dataset.chapter ?? 'page';
    Object.assign(this, { form, checkButton: check, feedback, solutionButton, solution });
    this.hintButton = this.querySelector<HTMLButtonElement>('.ex-hint-btn');
    this.hints = Array.from(this.querySelectorAll<HTMLLIElement>('.ex-hints > li'));

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.check();
    });
    // a multi-line answer: Enter is a new line, Ctrl/Cmd+Enter checks
    this.querySelector<HTMLTextAreaElement>('textarea.ex-input')?.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    this.hintButton?.addEventListener('click', () => this.nextHint());
    solutionButton.addEventListener('click', () => this.toggleSolution());

    if (this.storedSolved()) this.markSolved(false);
  }

  // ------------------------------------------------------------ checking

  private async check(): Promise<void> {
    if (this.checking) return;
    if (this.dataset.kind === 'predict') this.checkPrediction();
    else await this.checkCode();
  }

  private checkPrediction(): void {
    const input = this.querySelector<HTMLInputElement | HTMLTextAreaElement>('.ex-input');
    const answer = template(this, 'ex-answer');
    if (input === null || answer === null) return;
    const line = this.dataset.line ? Number(this.dataset.line) : undefined;
    const r = comparePrediction(input.value, answer, template(this, 'ex-stdout') ?? '', line);
    if (r.ok) {
      this.solved('Right: that is what CPython prints.');
      this.showRun();
      return;
    }
    // an empty answer is not an attempt
    if (input.value.trim() !== '') this.failed();
    this.say('wrong', r.text);
  }

  private async checkCode(): Promise<void> {
    const pg = this.querySelector<PlaygroundLike>('pml-playground');
    const checks = template(this, 'ex-checks');
    if (pg === null || checks === null) return;
    await customElements.whenDefined('pml-playground');
    const learner = pg.code;
    const python = (pg.querySelector<HTMLSelectElement>('[data-testid="python-version"]')?.value || '3.12') as PythonVersion;
    this.checking = true;
    this.checkButton.disabled = true;
    this.setAttribute('aria-busy', 'true');
    this.dataset.checking = 'true';
    this.say('busy', 'Checking your code…');
    let run: CheckRun;
    try {
      run = await checkRun(checkProgram(learner, checks, template(this, 'ex-trace-checks') ?? undefined), python);
    } catch (e) {
      run = { status: 'error', stdout: '', stderr: '', exitCode: 1, message: String(e) };
    } finally {
      this.checking = false;
      this.checkButton.disabled = false;
      this.removeAttribute('aria-busy');
      delete this.dataset.checking;
    }
    const v = verdict(run, learner, 'Correct! Every check passed.');
    if (v.kind === 'solved') {
      this.solved(v.text);
      return;
    }
    this.failed();
    this.say('wrong', v.text);
  }

  // ------------------------------------------------------------ results

  private solved(text: string): void {
    this.markSolved(true);
    const lead = document.createElement('span');
    lead.className = 'ex-feedback-lead';
    lead.textContent = text;
    const explain = this.querySelector<HTMLTemplateElement>('template.ex-explain');
    const parts: Node[] = [lead];
    if (explain !== null) parts.push(document.createTextNode(' '), explain.content.cloneNode(true));
    this.feedback.dataset.verdict = 'solved';
    this.feedback.replaceChildren(...parts);
  }

  private failed(): void {
    this.failures++;
    if (this.failures >= ATTEMPTS_BEFORE_SOLUTION) this.solutionButton.hidden = false;
  }

  private say(kind: FeedbackKind, text: string): void {
    this.feedback.dataset.verdict = kind;
    this.feedback.textContent = text;
  }

  /** Shows the exercise as solved; `save` records it in the learner's progress. */
  private markSolved(save: boolean): void {
    this.dataset.status = 'solved';
    const badge = this.querySelector<HTMLElement>('.ex-badge');
    if (badge !== null) badge.hidden = false;
    this.solutionButton.hidden = false;
    if (this.dataset.kind === 'predict') this.showRun();
    if (save) this.saveSolved();
  }

  /** predict: the program becomes a playground the learner can run and step. */
  private showRun(): void {
    const run = this.querySelector<HTMLElement>('.ex-run');
    const code = this.querySelector<HTMLElement>('.ex-code');
    if (run === null || !run.hidden) return;
    run.hidden = false;
    if (code !== null) code.hidden = true;
  }

  // ------------------------------------------------------------ hints and solution

  private nextHint(): void {
    const next = this.hints.find((h) => h.hidden);
    if (next === undefined || this.hintButton === null) return;
    next.hidden = false;
    const list = next.parentElement;
    if (list !== null) list.hidden = false;
    const shown = this.hints.filter((h) => !h.hidden).length;
    this.hintButton.setAttribute('aria-expanded', 'true');
    if (shown === this.hints.length) {
      this.hintButton.textContent = this.hints.length === 1 ? 'Hint shown' : 'All hints shown';
      this.hintButton.disabled = true;
    } else {
      this.hintButton.textContent = `Show another hint (${shown + 1} of ${this.hints.length})`;
    }
  }

  private toggleSolution(): void {
    const open = this.solution.hidden;
    this.solution.hidden = !open;
    this.solutionButton.setAttribute('aria-expanded', String(open));
    const label = this.dataset.kind === 'predict' ? 'the answer' : 'solution';
    this.solutionButton.textContent = open ? `Hide ${label}` : `Show ${label}`;
    // a revealed answer still lets the learner run and step the program
    if (open && this.dataset.kind === 'predict') this.showRun();
  }

  // ------------------------------------------------------------ progress

  private storedSolved(): boolean {
    return readChapter(readStoredProgress(), this.chapter).solved.includes(this.id_);
  }

  private saveSolved(): void {
    const store = storage();
    if (store === null) return;
    try {
      const raw = store.getItem(PROGRESS_KEY);
      const solved = readChapter(raw, this.chapter).solved;
      if (solved.includes(this.id_)) return;
      store.setItem(PROGRESS_KEY, updateChapter(raw, this.chapter, { solved: [...solved, this.id_] }));
      announceProgressChange();
    } catch {
      // storage full or blocked: the exercise is solved on this page only
    }
  }
}

if (!customElements.get('pml-exercise')) customElements.define('pml-exercise', ExerciseElement);
