/**
 * The chapter quiz (components/Quiz.astro): answering, checking, the score,
 * retry, and the best score on the home page and in the sidebar.
 *
 * The right answers are read from the built page's answer keys (each
 * question's `data-key`), which the build resolved from CPython's recordings
 * for "what does this print" questions; nothing here types an answer.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { answer, keyOf, openQuiz, quizPages, slugOf } from './quiz-helpers';

test('take a quiz: check, see the score and explanations, retry, and the best score shows on the home page', async ({ page, request }) => {
  const { path, quiz, questions, n } = await openQuiz(page, request);

  // only the first question answered, rightly
  await expect(quiz.getByTestId('quiz-score')).toHaveText('');
  await answer(questions.nth(0), true);
  await answer(questions.nth(1), false);
  await quiz.getByTestId('quiz-submit').click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText(`Score: 1 / ${n}`);
  await expect(questions.nth(0)).toHaveAttribute('data-result', 'right');
  await expect(questions.nth(0)).toContainText('Right');
  await expect(questions.nth(1)).toHaveAttribute('data-result', 'wrong');
  await expect(questions.nth(1)).toContainText('Not quite');
  if (n > 2) await expect(questions.nth(2)).toContainText('Not answered');
  // every question now shows its explanation; answers are locked until Try again
  for (let i = 0; i < n; i++) {
    await expect(questions.nth(i).locator('.quiz-explain')).toBeVisible();
    await expect(questions.nth(i).locator('input, textarea').first()).toBeDisabled();
  }
  // a wrongly answered choice question marks the learner's choice and reveals the right one
  const key1 = await keyOf(questions.nth(1));
  if (key1.mode !== 'text') {
    await expect(questions.nth(1).locator('.is-wrong-pick')).toHaveCount(1);
    await expect(questions.nth(1).locator('.is-answer')).toHaveCount(key1.mode === 'one' ? 1 : key1.answer.length);
  }

  // retry clears everything
  await quiz.getByRole('button', { name: 'Try again' }).click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText('');
  await expect(quiz.getByTestId('quiz-submit')).toBeVisible();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    await expect(q.locator('input, textarea').first()).toBeEnabled();
    await expect(q).not.toHaveAttribute('data-result');
    await expect(q.locator('.quiz-explain')).toBeHidden();
    await expect(q.locator('input:checked')).toHaveCount(0);
  }

  // all right
  for (let i = 0; i < n; i++) await answer(questions.nth(i), true);
  await quiz.getByTestId('quiz-submit').click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText(`Score: ${n} / ${n}`);
  await expect(quiz).toContainText(`Your best so far: ${n} / ${n}`);
  // the sidebar of this page follows at once
  const slug = slugOf(path);
  await expect(page.locator(`[data-sidebar-progress="${slug}"]`)).toContainText(`quiz ${n}/${n}`);

  // a worse attempt keeps the best
  await quiz.getByRole('button', { name: 'Try again' }).click();
  await quiz.getByTestId('quiz-submit').click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText(`Score: 0 / ${n}`);
  await expect(quiz).toContainText(`Your best so far: ${n} / ${n}`);

  // the best score survives a reload and shows on the home page
  await page.reload();
  await expect(page.getByTestId('quiz')).toContainText(`Your best so far: ${n} / ${n}`);
  await page.goto('/');
  await expect(page.locator(`[data-chapter-card="${slug}"] [data-progress-badge]`)).toContainText(`quiz ${n}/${n}`);
});

test('a typed answer is compared ignoring surrounding whitespace', async ({ page, request }) => {
  // a quiz with a "what does this print" question the learner answers by typing
  const typedAt = (await quizPages(request)).find((p) => /<textarea/.test(p.html))?.path;
  test.skip(typedAt === undefined, 'no quiz on the site has a typed-answer question');
  const { quiz, questions, n } = await openQuiz(page, request, typedAt);
  let typed = -1;
  for (let i = 0; i < n; i++) {
    const key = await keyOf(questions.nth(i));
    if (key.mode === 'text') {
      typed = i;
      await questions.nth(i).getByRole('textbox').fill(`\n  ${key.expected}  \n`);
      break;
    }
  }
  expect(typed, 'the page has a typed-answer question').toBeGreaterThanOrEqual(0);
  await quiz.getByTestId('quiz-submit').click();
  await expect(questions.nth(typed)).toHaveAttribute('data-result', 'right');
  // the expected output is shown as CPython printed it
  await expect(questions.nth(typed).locator('.quiz-expected')).toContainText('CPython 3.12 prints');
});

test('axe: a quiz after checking the answers has no serious or critical violations, light and dark', async ({ page, request }) => {
  const { quiz, questions, n } = await openQuiz(page, request);
  for (let i = 0; i < n; i += 2) await answer(questions.nth(i), i % 4 === 0);
  await quiz.getByTestId('quiz-submit').click();
  await expect(quiz.getByTestId('quiz-score')).toContainText('Score:');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('[data-testid="quiz"]').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(' | ')})`);
    expect(serious, scheme).toEqual([]);
  }
});
