#!/bin/bash
# Instructions per warm run of a bench program, counted by cachegrind: a
# measure that does not depend on the machine's load, unlike wall-clock time.
#
#   bench/instructions.sh b3_fib            # the working tree
#   bench/instructions.sh b4_alloc trace    # a traced run
#   bench/instructions.sh b3_fib cpython    # CPython 3.12 (pyenv), for the ratio
#
# Runs the program 4 times and 2 times in one process each and prints
# (I(4) - I(2)) / 2: the cost of a run once V8 has optimized the engine, which
# is what `npm run bench` times. (One run minus start-up, the other common
# method, is mostly V8 warming up: a warm b3_fib run is ~0.9G instructions, a
# first one ~2G.) Needs valgrind; takes 1-10 minutes per program.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROG=${1:?usage: bench/instructions.sh PROGRAM [trace]}
TRACE=${2:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ "$TRACE" = cpython ]; then
  # the same measure for CPython: exec() of the compiled source n times in one process
  PY=${PYTHON312:-$(pyenv root)/versions/3.12.1/bin/python3}
  cat > "$WORK/driver.py" <<'PY'
import contextlib, io, sys
src = open(sys.argv[1]).read()
for _ in range(int(sys.argv[2])):
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(src, sys.argv[1], 'exec'), {'__name__': '__main__'})
PY
  cpy() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
      "$PY" "$WORK/driver.py" "$ROOT/bench/programs/$PROG.py" "$1" 2>&1 | awk '/I *refs/ { gsub(",", "", $4); print $4 }'
  }
  four=$(cpy 4)
  two=$(cpy 2)
  echo "$PROG (CPython 3.12): $(( (four - two) / 2000000 ))M instructions per warm run"
  exit 0
fi
"$ROOT/node_modules/.bin/esbuild" "$ROOT/src/engine/index.ts" --bundle --format=esm --platform=node \
  --outfile="$WORK/engine.mjs" --log-level=error
cat > "$WORK/driver.mjs" <<'JS'
import { readFileSync } from 'node:fs';
const { runProgram } = await import(process.argv[2]);
const src = readFileSync(process.argv[3], 'utf8');
for (let i = 0; i < Number(process.argv[4]); i++) runProgram(src, { trace: process.argv[5] === 'trace' });
JS
count() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$ROOT/node_modules/.bin/node" --single-threaded "$WORK/driver.mjs" "$WORK/engine.mjs" \
    "$ROOT/bench/programs/$PROG.py" "$1" "$TRACE" 2>&1 | awk '/I *refs/ { gsub(",", "", $4); print $4 }'
}
four=$(count 4)
two=$(count 2)
echo "$PROG${TRACE:+ (traced)}: $(( (four - two) / 2000000 ))M instructions per warm run"
