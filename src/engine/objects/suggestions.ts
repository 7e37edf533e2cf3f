/**
 * "Did you mean: 'value'?" — CPython's suggestions for NameError and
 * AttributeError, computed when the traceback is printed.
 * CPython counterpart: Python/suggestions.c (levenshtein_distance,
 * calculate_suggestions, offer_suggestions_for_name_error).
 */

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (a.toLowerCase() === b.toLowerCase()) return CASE_COST;
  return MOVE_COST;
}

/** levenshtein_distance with CPython's costs; returns maxCost + 1 when over the limit */
function levenshtein(a: string, b: string, maxCost: number): number {
  if (a === b) return 0;
  // Trim common prefix and suffix, as CPython does.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  a = a.slice(pre);
  b = b.slice(pre);
  let suf = 0;
  while (suf < a.length && suf < b.length && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  a = a.slice(0, a.length - suf);
  b = b.slice(0, b.length - suf);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  for (let i = 0; i < a.length; i++) buffer[i] = (i + 1) * MOVE_COST;
  let result = 0;
  for (let bIndex = 0; bIndex < b.length; bIndex++) {
    const code = b[bIndex];
    let distance = (result = bIndex * MOVE_COST);
    let minimum = Number.MAX_SAFE_INTEGER;
    for (let index = 0; index < a.length; index++) {
      const substitute = distance + substitutionCost(code, a[index]);
      distance = buffer[index];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** calculate_suggestions: the closest candidate within CPython's distance limit, or null */
export function calculateSuggestion(candidates: string[], name: string): string | null {
  if (candidates.length > MAX_CANDIDATE_ITEMS) return null;
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const item of candidates) {
    if (item === name) continue;
    // No more than 1/3 of the involved characters should need changed.
    let maxDistance = Math.floor(((name.length + item.length + 3) * MOVE_COST) / 6);
    // Don't take matches we've already beaten.
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const d = levenshtein(name, item, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}
