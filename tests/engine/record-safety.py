"""Records what CPython 3.12 does for the targeted programs of tests/engine/safety.test.ts.

Run: $(pyenv root)/versions/3.12.1/bin/python3 tests/engine/record-safety.py
Writes tests/engine/safety-recorded.json.

Each program runs as `python3 prog.py` in a fresh temporary directory (the
directory prefix CPython puts in front of the script path is stripped, so
tracebacks say `File "prog.py"`, the filename the engine is given).

Small programs are stored with their source. Big ones (a 5,000-line program,
a 1 MB string literal) are built by a `make` recipe that the TypeScript test
rebuilds the same way; the JSON keeps the source's sha256 so the test can check
that it runs exactly the program CPython ran. Big outputs are stored as their
length and sha256 (plus the first and last 200 characters).

The simulator's own limits (step budget, heap cap) have no CPython counterpart
and are not recorded here: the test matches them by prefix.
"""
import hashlib, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'safety-recorded.json')
BIG = 4096  # outputs longer than this are stored as length + sha256


def nested(open_, close, n, inner='1'):
    return open_ * n + inner + close * n


def make(recipe):
    """The big programs, built from a recipe the test repeats in TypeScript."""
    kind = recipe['kind']
    if kind == 'lines':
        n = recipe['n']
        lines = ['x0 = 0']
        for i in range(1, n - 1):
            lines.append(f'x{i} = x{i - 1} + {i % 7}')
        lines.append(f'print(x{n - 2})')
        return '\n'.join(lines) + '\n'
    if kind == 'string_literal':
        n = recipe['n']
        body = ''.join('abcdefghij'[i % 10] for i in range(n))
        return f's = "{body}"\nprint(len(s), s[:12], s[-12:], s.count("a"))\n'
    raise ValueError(kind)


R = 'def f():\n    return f()\n'
PROGRAMS = {
    # ---- recursion: CPython's limit (1000) and its exact message
    'recursion_function': 'def f():\n    return f()\n\nf()\n',
    'recursion_function_arg': 'def f(n):\n    return f(n + 1) + 1\n\nprint(f(0))\n',
    'recursion_mutual': 'def a(n):\n    return b(n)\n\ndef b(n):\n    return a(n + 1)\n\na(0)\n',
    'recursion_method': (
        'class Node:\n'
        '    def depth(self):\n'
        '        return 1 + self.depth()\n'
        '\n'
        'Node().depth()\n'
    ),
    'recursion_repr_self_containing': (
        'class Box:\n'
        '    def __init__(self):\n'
        '        self.inner = self\n'
        '    def __repr__(self):\n'
        "        return f'Box({self.inner!r})'\n"
        '\n'
        'print(Box())\n'
    ),
    'recursion_repr_via_list': (
        'class Box:\n'
        '    def __init__(self):\n'
        '        self.items = [self]\n'
        '    def __repr__(self):\n'
        "        return 'Box(' + repr(self.items[0]) + ')'\n"
        '\n'
        'b = Box()\n'
        'print(repr(b))\n'
    ),
    # a list that contains itself is NOT a recursion: repr uses Py_ReprEnter
    'self_containing_list_repr': 'l = [1]\nl.append(l)\nd = {"k": l}\nd["d"] = d\nprint(l, d)\n',
    'recursion_generator': 'def g():\n    yield from g()\n\nnext(g())\n',
    'recursion_generator_list': 'def g(n):\n    yield n\n    yield from g(n + 1)\n\nprint(len(list(g(0))))\n',
    'recursion_caught_then_continue': (
        'def f(n):\n'
        '    return f(n + 1)\n'
        '\n'
        'for i in range(3):\n'
        '    try:\n'
        '        f(0)\n'
        '    except RecursionError as e:\n'
        '        print(i, type(e).__name__, e)\n'
        'print(sum(range(10)))\n'
    ),
    'recursion_in_del': (
        'class D:\n'
        '    def __del__(self):\n'
        '        def f():\n'
        '            return f()\n'
        '        f()\n'
        '\n'
        'd = D()\n'
        'del d\n'
        'print("after")\n'
    ),
    'recursion_deep_nested_list_repr': (
        'x = []\n'
        'for _ in range(5000):\n'
        '    x = [x]\n'
        'print(x)\n'
    ),
    'recursion_deep_nested_list_eq': (
        'x = []\n'
        'y = []\n'
        'for _ in range(5000):\n'
        '    x = [x]\n'
        '    y = [y]\n'
        'print(x == y)\n'
    ),
    'deep_nested_list_dealloc': (
        'x = []\n'
        'for _ in range(5000):\n'
        '    x = [x]\n'
        'del x\n'
        'd = {}\n'
        'for _ in range(5000):\n'
        '    d = {"k": d}\n'
        'd = None\n'
        't = ()\n'
        'for _ in range(5000):\n'
        '    t = (t,)\n'
        't = None\n'
        'print("freed")\n'
    ),
    'recursionlimit_raised': (
        'import sys\n'
        'sys.setrecursionlimit(5000)\n'
        'def f(n):\n'
        '    return 0 if n == 0 else 1 + f(n - 1)\n'
        'print(f(4000))\n'
    ),
    # ---- deep nesting in the source
    'nested_list_100': 'x = ' + nested('[', ']', 100) + '\nprint(x)\ny = x\nn = 0\nwhile isinstance(y, list):\n    y = y[0]\n    n += 1\nprint(n, y)\n',
    'nested_paren_100': 'x = ' + nested('(', ')', 100) + '\nprint(x)\n',
    'nested_paren_199': 'x = ' + nested('(', ')', 199) + '\nprint(x)\n',
    'nested_paren_200': 'x = ' + nested('(', ')', 200) + '\nprint(x)\n',
    'nested_paren_250': 'x = ' + nested('(', ')', 250) + '\nprint(x)\n',
    'nested_mixed_250': 'x = ' + nested('[(', ')]', 125) + '\nprint(x)\n',
    'unclosed_paren_250': 'x = ' + '(' * 250 + '\n',
    'nested_if_100': ''.join('    ' * i + f'if {i} < 1000:\n' for i in range(100)) + '    ' * 100 + 'print("deep")\n',
    'nested_def_50': ''.join('    ' * i + f'def f{i}():\n' for i in range(50)) + '    ' * 50 + 'return 1\n' + 'print(f0)\n',
    'deep_unary_minus': 'x = ' + '-' * 1000 + '1\nprint(x)\n',
    'deep_not': 'x = ' + 'not ' * 1000 + 'True\nprint(x)\n',
    'long_binop_chain': 'x = ' + ' + '.join(['1'] * 10000) + '\nprint(x)\n',
    # ---- big values
    'string_1mb_built': "s = 'ab' * (1 << 19)\nprint(len(s))\nprint(s)\n",
    'print_huge_list': 'print(list(range(100000)))\n',
    'print_huge_dict': 'print({i: str(i) for i in range(5000)})\n',
    'print_sep_end_big': "print(*range(20000), sep=',', end='!\\n')\n",
    'bigint_print': 'x = 10 ** 100000\nprint(x)\n',
    'bigint_str': 'x = 10 ** 100000\ns = str(x)\n',
    'bigint_fstring': "x = 10 ** 100000\nprint(f'{x}')\n",
    'bigint_repr_in_list': 'x = 10 ** 100000\nprint([x])\n',
    'bigint_int_from_str': "n = int('1' * 5000)\n",
    'bigint_arith_ok': 'x = 10 ** 100000\nprint(x.bit_length(), x % 997, len(str(10 ** 4299)))\n',
    'bigint_caught': (
        'x = 10 ** 100000\n'
        'try:\n'
        '    print(x)\n'
        'except ValueError as e:\n'
        '    print("caught:", e)\n'
    ),
    'list_repeat_overflow': 'x = [0] * (2 ** 62)\n',
    'str_repeat_overflow': "x = 'a' * (2 ** 62)\n",
    'repeat_overflow_caught': (
        'for make in (lambda: [0] * 2 ** 62, lambda: "ab" * 2 ** 62, lambda: (1,) * 2 ** 62, lambda: [0] * 2 ** 64):\n'
        '    try:\n'
        '        make()\n'
        '    except (MemoryError, OverflowError) as e:\n'
        '        print(type(e).__name__, e)\n'
    ),
    'range_len_overflow': 'print(len(range(10 ** 20)))\n',
    'int_too_big_for_index': 'l = [1, 2]\nprint(l[10 ** 30])\n',
}

# recursion through dunder methods, builtins and deep data (one frame per level in CPython's C stack)
VIA = {
    'recursion_via_add': 'class B:\n    def __add__(self, o):\n        return self + o\nprint(B() + 1)\n',
    'recursion_via_bool': 'class B:\n    def __bool__(self):\n        return bool(self)\nprint(not B())\n',
    'recursion_via_call': 'class B:\n    def __call__(self):\n        return self()\nB()()\n',
    'recursion_via_contains': 'class B:\n    def __contains__(self, i):\n        return i in self\nprint(1 in B())\n',
    'recursion_via_deep_copy': 'import copy\nx = []\nfor i in range(5000):\n    x = [x]\ncopy.deepcopy(x)\n',
    'recursion_via_deep_dict_repr': 'd = {}\nfor i in range(5000):\n    d = {1: d}\nprint(repr(d)[:5])\n',
    'recursion_via_deep_str': 'x = []\nfor i in range(5000):\n    x = [x]\nprint(str(x)[:5])\n',
    'recursion_via_deep_tuple_hash': 't = ()\nfor i in range(20000):\n    t = (t,)\nprint(hash(t) is not None)\n',
    'recursion_via_del_chain': 'class N:\n    def __init__(self, nxt):\n        self.nxt = nxt\n    def __del__(self):\n        pass\nn = None\nfor i in range(5000):\n    n = N(n)\ndel n\nprint("ok")\n',
    'recursion_via_dict_key_hash': 'class K:\n    def __hash__(self):\n        return hash(frozenset([self]))\n{K(): 1}\n',
    'recursion_via_eq': 'class B:\n    def __eq__(self, o):\n        return self == o\nprint(B() == B())\n',
    'recursion_via_exec_rec': 'def f():\n    exec("f()")\nf()\n',
    'recursion_via_format': 'class B:\n    def __format__(self, s):\n        return format(self, s)\nprint(f"{B():x}")\n',
    'recursion_via_gen_next': 'def g():\n    yield next(g())\nnext(g())\n',
    'recursion_via_getattr': 'class B:\n    def __getattr__(self, n):\n        return self.missing\nprint(B().x)\n',
    'recursion_via_getattribute': 'class B:\n    def __getattribute__(self, n):\n        return self.x\nprint(B().x)\n',
    'recursion_via_getitem': 'class B:\n    def __getitem__(self, i):\n        return self[i]\nprint(B()[0])\n',
    'recursion_via_hash': 'class B:\n    def __hash__(self):\n        return hash(self)\nprint(hash(B()))\n',
    'recursion_via_init': 'class B:\n    def __init__(self):\n        B()\nB()\n',
    'recursion_via_init_subclass': 'class A:\n    def __init_subclass__(cls):\n        class C(cls): pass\nclass B(A): pass\n',
    'recursion_via_iter': 'class B:\n    def __iter__(self):\n        return iter(self)\nprint(list(B()))\n',
    'recursion_via_len': 'class B:\n    def __len__(self):\n        return len(self)\nprint(len(B()))\n',
    'recursion_via_lt_sorted': 'class B:\n    def __lt__(self, o):\n        return sorted([self, o])\nprint(sorted([B(), B()]))\n',
    'recursion_via_map_lambda': 'f = lambda x: list(map(f, [x]))\nf(1)\n',
    'recursion_via_prop': 'class B:\n    @property\n    def p(self):\n        return self.p\nprint(B().p)\n',
    'recursion_via_reduce_lambda': 'import functools\nf = lambda n: functools.reduce(lambda a, b: f(n + 1), [1, 2])\nf(0)\n',
    'recursion_via_repr_builtin': 'class B:\n    def __repr__(self):\n        return repr(self)\nprint(B())\n',
    'recursion_via_setattr': 'class B:\n    def __setattr__(self, n, v):\n        setattr(self, n, v)\nB().x = 1\n',
    'recursion_via_setrec_big': 'import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(20000))\n',
    'recursion_via_setrec_big_gen': 'import sys\nsys.setrecursionlimit(100000)\ndef g(n):\n    if n:\n        yield from g(n - 1)\n    yield n\nprint(sum(g(20000)))\n',
    'recursion_via_setrec_big_repr': 'import sys\nsys.setrecursionlimit(100000)\nclass B:\n    def __repr__(self):\n        return repr(self)\nrepr(B())\n',
    'recursion_via_sorted_key': 'def k(x):\n    return sorted([x], key=k)\nk(1)\n',
    'recursion_via_str_builtin': 'class B:\n    def __str__(self):\n        return str(self)\nprint(B())\n',
}
PROGRAMS.update(VIA)

BIG_PROGRAMS = {
    'lines_5000': {'kind': 'lines', 'n': 5000},
    'string_1mb_literal': {'kind': 'string_literal', 'n': 1 << 20},
}


def env():
    return {
        'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
        'HOME': os.environ.get('HOME', '/tmp'),
        'LANG': 'C.UTF-8',
        'LC_ALL': 'C.UTF-8',
        'PYTHONHASHSEED': '0',
        'PYTHONDONTWRITEBYTECODE': '1',
        'PYTHONIOENCODING': 'utf-8',
    }


def sha(text):
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def stream(text):
    if len(text) <= BIG:
        return text
    return {'len': len(text), 'sha256': sha(text), 'head': text[:200], 'tail': text[-200:]}


def run(source):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'prog.py')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(source)
        res = subprocess.run([sys.executable, 'prog.py'], cwd=d, env=env(), capture_output=True,
                             encoding='utf-8', timeout=120)
        strip = lambda t: t.replace(d + os.sep, '')
        return {'stdout': stream(strip(res.stdout)), 'stderr': stream(strip(res.stderr)), 'exitCode': res.returncode}


def main():
    if sys.version_info[:2] != (3, 12):
        sys.exit(f'record-safety: needs CPython 3.12, this is {sys.version}')
    out = {'python': sys.version.split()[0], 'programs': {}}
    for name, source in PROGRAMS.items():
        out['programs'][name] = {'source': source, **run(source)}
    for name, recipe in BIG_PROGRAMS.items():
        source = make(recipe)
        out['programs'][name] = {'make': recipe, 'source_sha256': sha(source), **run(source)}
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write('\n')
    for name, rec in out['programs'].items():
        err = rec['stderr']
        last = (err if isinstance(err, str) else err['tail']).strip().split('\n')[-1]
        print(f'{name:36} exit={rec["exitCode"]} {last[:100]}')


if __name__ == '__main__':
    main()
