/**
 * <pml-quiz>: grades a quiz rendered by Quiz.astro. The page already holds
 * every question, choice and explanation (hidden); this element reads each
 * question's answer key (`data-key` on its fieldset, quiz/grade.ts), and on
 * "Check answers" marks each question right or wrong, reveals the right
 * choice and the explanation, shows "Score: 6 / 8" in the live region, keeps
 * the best score in localStorage `pml:v1:progress` (src/lib/progress.ts),
 * and offers "Try again", which clears the answers.
 */
import {
  PROGRESS_KEY,
  announceProgressChange,
  readChapter,
  readStoredProgress,
  storage,
  updateChapter,
  type QuizResult,
} from '../../src/lib/progress';
import { bestResult, gradeQuiz, scoreText, type AnswerKey, type Response } from './grade';

interface Question {
  fieldset: HTMLFieldSetElement;
  key: AnswerKey;
}

function parseKey(raw: string | undefined): AnswerKey | null {
  try {
    const k = JSON.parse(raw ?? '') as AnswerKey;
    if (k && (k.mode === 'one' || k.mode === 'many' || k.mode === 'text')) return k;
  } catch {
    // a page built by another version: this question cannot be graded
  }
  return null;
}

class QuizElement extends HTMLElement {
  private questions: Question[] = [];
  private form!: HTMLFormElement;
  private submit!: HTMLButtonElement;
  private retryButton!: HTMLButtonElement;
  private score!: HTMLElement;
  private best!: HTMLElement;

  connectedCallback(): void {
    if (this.dataset.ready === 'true') return;
    const form = this.querySelector('form');
    const submit = this.querySelector<HTMLButtonElement>('[data-testid="quiz-submit"]');
    const retry = this.querySelector<HTMLButtonElement>('.quiz-retry');
    const score = this.querySelector<HTMLElement>('[data-testid="quiz-score"]');
    const best = this.querySelector<HTMLElement>('.quiz-best');
    if (!form || !submit || !retry || !score || !best) return;
    this.dataset.ready = 'true';
    Object.assign(this, { form, submit, retryButton: retry, score, best });
    this.questions = Array.from(this.querySelectorAll<HTMLFieldSetElement>('[data-testid="quiz-question"]')).flatMap((fieldset) => {
      const key = parseKey(fieldset.dataset.key);
      return key ? [{ fieldset, key }] : [];
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.check();
    });
    retry.addEventListener('click', () => this.retry());
    this.showBest(this.storedBest());
  }

  private get slug(): string {
    return this.dataset.chapter ?? '';
  }

  private storedBest(): QuizResult | null {
    return readChapter(readStoredProgress(), this.slug).quiz;
  }

  private showBest(best: QuizResult | null): void {
    this.best.hidden = best === null;
    this.best.textContent = best ? `Your best so far: ${best.score} / ${best.total}` : '';
  }

  /** The learner's answer to one question, or undefined when it is unanswered. */
  private response(q: Question): Response | undefined {
    if (q.key.mode === 'text') {
      const text = q.fieldset.querySelector('textarea')?.value ?? '';
      return text.trim() === '' ? undefined : { text };
    }
    const selected = Array.from(q.fieldset.querySelectorAll<HTMLInputElement>('input:checked'), (i) => Number(i.value));
    return selected.length === 0 ? undefined : { selected };
  }

  private check(): void {
    const responses = this.questions.map((q) => this.response(q));
    const grade = gradeQuiz(
      this.questions.map((q) => q.key),
      responses,
    );
    this.questions.forEach((q, i) => {
      const right = grade.right[i];
      const answered = responses[i] !== undefined;
      q.fieldset.dataset.result = right ? 'right' : 'wrong';
      const verdict = q.fieldset.querySelector('.quiz-verdict');
      if (verdict) verdict.textContent = right ? '✓ Right.' : answered ? '✗ Not quite.' : '✗ Not answered.';
      if (q.key.mode !== 'text') {
        const answers = q.key.mode === 'one' ? [q.key.answer] : q.key.answer;
        for (const label of Array.from(q.fieldset.querySelectorAll<HTMLElement>('.quiz-choice'))) {
          const k = Number(label.dataset.choice);
          const chosen = label.querySelector('input')?.checked === true;
          const isAnswer = answers.includes(k);
          label.classList.toggle('is-answer', isAnswer);
          label.classList.toggle('is-wrong-pick', chosen && !isAnswer);
          const mark = label.querySelector('.quiz-mark');
          if (mark) mark.textContent = isAnswer ? (chosen ? 'Right answer · your choice' : 'Right answer') : chosen ? 'Your choice' : '';
        }
      }
      const feedback = q.fieldset.querySelector<HTMLElement>('.quiz-feedback');
      if (feedback) feedback.hidden = false;
      // answers stay visible but locked until "Try again"
      q.fieldset.disabled = true;
    });
    this.score.textContent = scoreText(grade);
    this.submit.hidden = true;
    this.retryButton.hidden = false;
    this.score.focus();
    this.save({ score: grade.score, total: grade.total });
  }

  private save(result: QuizResult): void {
    const store = storage();
    let best = result;
    try {
      const raw = store?.getItem(PROGRESS_KEY) ?? null;
      best = bestResult(readChapter(raw, this.slug).quiz, result);
      store?.setItem(PROGRESS_KEY, updateChapter(raw, this.slug, { quiz: best }));
      announceProgressChange();
    } catch {
      // storage blocked or full: the score is shown, just not kept
    }
    this.showBest(best);
  }

  private retry(): void {
    this.form.reset();
    for (const q of this.questions) {
      q.fieldset.disabled = false;
      delete q.fieldset.dataset.result;
      const feedback = q.fieldset.querySelector<HTMLElement>('.quiz-feedback');
      if (feedback) feedback.hidden = true;
      for (const label of Array.from(q.fieldset.querySelectorAll<HTMLElement>('.quiz-choice'))) {
        label.classList.remove('is-answer', 'is-wrong-pick');
        const mark = label.querySelector('.quiz-mark');
        if (mark) mark.textContent = '';
      }
    }
    this.score.textContent = '';
    this.submit.hidden = false;
    this.retryButton.hidden = true;
    this.questions[0]?.fieldset.querySelector<HTMLElement>('input, textarea')?.focus();
  }
}

if (!customElements.get('pml-quiz')) customElements.define('pml-quiz', QuizElement);
