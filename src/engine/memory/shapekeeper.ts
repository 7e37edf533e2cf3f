/**
 * Keeps one JS object of each engine class alive from one run to the next,
 * for V8's sake, not Python's.
 *
 * Every object a run makes (frames, code objects, dicts, instances …) is
 * garbage once the run is over. V8 gives objects of a class hidden classes
 * ("maps") reached by transitions it holds only weakly, so a full GC between
 * two runs (the bench forces one; a browser does one when idle) can free the
 * maps along with the last objects that had them. Optimized code that checked
 * for those maps is then thrown away ("embedded weak objects cleared" under
 * `--trace-deopt`) and the next run starts in slower tiers: a warm b3_fib run
 * after a full GC took twice as long, and b5_objects lost ~135 optimized
 * functions over four runs. One live object per class keeps its map, and
 * the optimized code with it.
 *
 * Only the JS objects are kept: Python never sees them (their simulated
 * memory is freed and reused as usual, their reference counts are not
 * touched). Each class's first object is kept for the life of the page or
 * process; it may hold on to a little of the run it came from.
 */

/** the first object of each class seen by `keepShape` */
const kept = new Map<unknown, object>();

/**
 * How many more allocations of this run `keepShape` looks at: every class a
 * program uses shows up early, and a bound keeps the look-up off the rest of
 * a run that allocates millions of objects.
 */
let lookLeft = 0;

/** Starts a run's watch (heap.ts's reset). */
export function watchShapes(): void {
  lookLeft = 1 << 16;
}

/** Called with each new object early in a run (heap.ts's allocObject, frame.ts's acquireFrame). */
export function keepShape(o: object): void {
  if (lookLeft === 0) return;
  lookLeft--;
  const c = o.constructor;
  if (!kept.has(c)) kept.set(c, o);
}
