/**
 * The program an exercise's Check runs: the learner's code, then each
 * non-empty piece of checks on a new line. Lines keep their numbers, so an
 * error in the learner's code is reported on the line they see. One join for
 * the recorder, the content tests (src/lib/recordings.ts) and the browser
 * (components/exercise/verdict.ts); this module has no Node imports.
 */
export function withChecks(learner: string, ...checks: (string | undefined)[]): string {
  let out = learner;
  for (const c of checks) if (c && c.trim() !== '') out += (out.endsWith('\n') ? '' : '\n') + c;
  return out;
}
