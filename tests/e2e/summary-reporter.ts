/**
 * Ends the browser-test run with the plain closing line "N passed, N failed, N skipped"
 * (the same line the vitest part prints; CI reads it to know how many tests ran).
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private final = new Map<TestCase, TestResult['status']>();
  onTestEnd(test: TestCase, result: TestResult): void {
    this.final.set(test, result.status);
  }
  onEnd(_result: FullResult): void {
    let passed = 0, failed = 0, skipped = 0;
    for (const [test, status] of this.final) {
      const outcome = test.outcome();
      if (status === 'skipped' || outcome === 'skipped') skipped++;
      else if (outcome === 'expected' || outcome === 'flaky') passed++;
      else failed++;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
  printsToStdio(): boolean {
    return false;
  }
}
