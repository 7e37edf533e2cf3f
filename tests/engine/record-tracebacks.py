"""Records the full stderr CPython 3.12 prints for the programs in traceback-corpus/.

Run: $(pyenv root)/versions/3.12.1/bin/python3 tests/engine/record-tracebacks.py
Writes tests/engine/tracebacks-recorded.json: { name: { stdout, stderr, exitCode } }.

Each program runs as a script from tests/engine/ with the relative path
`traceback-corpus/<name>.py` as its argument, in a clean environment (the same as the
conformance recorder: PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1, utf-8 I/O). CPython
prints the script's absolute path in `File "…"` lines; the only change made to its output
is removing the directory prefix, so the recording reads `File "traceback-corpus/x.py"`,
the filename tests/engine/traceback.test.ts gives the simulator.
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = 'traceback-corpus'

def main():
    if sys.version_info[:2] != (3, 12):
        sys.exit('run this with CPython 3.12')
    env = {
        'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
        'PYTHONHASHSEED': '0',
        'PYTHONDONTWRITEBYTECODE': '1',
        'PYTHONIOENCODING': 'utf-8',
        'LC_ALL': 'C.UTF-8',
    }
    out = {}
    for fn in sorted(os.listdir(os.path.join(HERE, CORPUS))):
        if not fn.endswith('.py'):
            continue
        rel = f'{CORPUS}/{fn}'
        p = subprocess.run([sys.executable, rel], cwd=HERE, env=env, capture_output=True, timeout=60)
        stderr = p.stderr.decode('utf-8').replace(HERE + os.sep, '')
        stdout = p.stdout.decode('utf-8')
        out[fn[:-3]] = {'stdout': stdout, 'stderr': stderr, 'exitCode': p.returncode}
    with open(os.path.join(HERE, 'tracebacks-recorded.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write('\n')
    print(f'recorded {len(out)} programs')

main()
