/**
 * Generators of the safety tests (tests/engine/safety.test.ts): random token soup and random
 * valid programs from a small grammar. Kept apart so they can be reused to explore with more
 * runs or other seeds than the suite uses.
 */
import fc from 'fast-check';

// ---------------------------------------------------------------- generators: token soup

const KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with',
  'yield', 'match', 'case', 'type', '_',
];
const OPERATORS = [
  '+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^', '~', '<', '>', '<=', '>=',
  '==', '!=', '=', '+=', '-=', '*=', '/=', '//=', '%=', '**=', '|=', '&=', '^=', '<<=', '>>=', '@=',
  ':=', '->', '.', '...', ':', ';', ',', '!', '$', '?', '`', '\\',
];
const BRACKETS = ['(', ')', '[', ']', '{', '}'];
const NAMES = [
  'x', 'y', 'f', 'g', 'C', 'self', 'print', 'len', 'range', 'list', 'dict', 'str', 'int', 'sys', 'gc',
  '__init__', '__class__', '__dict__', 'super', 'object', 'type', 'iter', 'next', 'exec', 'eval',
  'ñ', 'λ', 'x1', '_y', '__', 'getrefcount',
];
const NUMBERS = [
  '0', '1', '7', '-1', '2**64', '10**20', '1.5', '0.0', '1e308', '1e-320', '1j', '0x1F', '0o17', '0b101',
  '1_000', '007', '1__0', '0x', '1e', '.5', '5.', '0b2', '99999999999999999999999',
];
const STRINGS = [
  "'a'", '"b"', "''", "'''t'''", '"""doc"""', "b'x'", "r'\\n'", "f'{x}'", "f'{x!r:>8}'", "f'{'", "f'}'",
  "f'{x=}'", "f'{x:{y}}'", "'unterminated", '"\\x"', "'\\N{BULLET}'", "u'u'", "rb'r'", "'\\", "f'{f'{x}'}'",
  "'é'", "'\u{1F600}'", '"""open',
];
const LAYOUT = ['\n', '\n', '\n    ', '\n        ', '\n\t', '\n  ', '\\\n', '#c', ' ', '\r\n', '\x0c', '\x00'];

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KEYWORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...OPERATORS) },
  { weight: 3, arbitrary: fc.constantFrom(...BRACKETS) },
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...LAYOUT) },
);

const SNIPPETS = [
  'x = [1, 2, 3]', 'def f(a, b=1, *c, **d):', '    return a', 'class C:', '    def __init__(self):',
  '        self.v = 1', 'for i in range(3):', '    print(i)', 'while x:', 'try:', 'except Exception as e:',
  'finally:', 'with open as f:', 'import sys, gc', 'print(sys.getrefcount(x))', 'y = {1: 2}', 'lambda: 0',
  'if x:', 'else:', 'elif y:', 'yield x', 'return', 'del x', 'global x', 'nonlocal y', 'x = f(*x, **y)',
  'x[1:2:3] = y', 'assert x, y', 'raise ValueError(x) from None', 'async def g():', 'match x:', '    case 1:',
];

/** Tokens joined with or without spaces; now and then a whole valid line, so some runs get past the parser. */
export const tokenSoup = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(token, fc.constantFrom(' ', '', ' ')).map(([t, s]) => t + s) },
      { weight: 1, arbitrary: fc.constantFrom(...SNIPPETS).map((s) => `\n${s}\n`) },
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.join(''));

// ---------------------------------------------------------------- generators: valid programs

const VARS = ['a', 'b', 'c', 'd'];
const FUNCS = ['f', 'g', 'h'];
const indent = (block: string): string =>
  block
    .split('\n')
    .map((l) => (l === '' ? l : '    ' + l))
    .join('\n');

const varName = fc.constantFrom(...VARS);
const intLit = fc.oneof(
  fc.integer({ min: -5, max: 12 }).map(String),
  fc.constantFrom('0', '-1', '255', '256', '257', '2**31', '2**63', '-2**64', '10**30', '12345678901234567890'),
);
const floatLit = fc.constantFrom('0.0', '-0.0', '1.5', '2.25', '-3.75', '1e308', '1e-308', "float('inf')", "float('nan')", '0.1');
const strLit = fc.constantFrom("''", "'ab'", "'héllo'", "'x' * 3", "'a,b,c'", "'\\n'", '"q\'uote"', "'12'", "'€'");
const simpleLit = fc.oneof(intLit, intLit, floatLit, strLit, fc.constantFrom('None', 'True', 'False'));

const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    simpleLit,
    varName,
    varName,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '//', '%', '&', '|', '^', '<', '==', '!=', '>=', 'is', 'is not', 'in', 'and', 'or'), tie('e')).map(
      ([l, op, r]) => `(${l} ${op} ${r})`,
    ),
    fc.tuple(tie('e'), fc.integer({ min: -2, max: 70 })).map(([l, n]) => `(${l} ** ${n})`),
    // shifts only by small literal amounts: `True << 2**40` crashes the constant folder (see safety.test.ts, engine bugs)
    fc.tuple(tie('e'), fc.constantFrom('<<', '>>'), fc.integer({ min: -1, max: 70 })).map(([l, op, n]) => `(${l} ${op} ${n})`),
    tie('e').map((e) => `(not ${e})`),
    tie('e').map((e) => `(-${e})`),
    fc.array(tie('e'), { maxLength: 4 }).map((es) => `[${es.join(', ')}]`),
    fc.array(tie('e'), { maxLength: 3 }).map((es) => `(${es.join(', ')}${es.length === 1 ? ',' : ''})`),
    fc.array(fc.tuple(simpleLit, tie('e')), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.array(simpleLit, { minLength: 1, maxLength: 3 }).map((es) => `{${es.join(', ')}}`),
    fc.tuple(tie('e'), tie('e')).map(([s, i]) => `(${s})[${i}]`),
    fc.tuple(varName, intLit).map(([s, i]) => `${s}[${i}]`),
    fc.tuple(tie('e'), fc.option(intLit), fc.option(intLit), fc.option(fc.constantFrom('1', '2', '-1', '0'))).map(
      ([s, a, b, st]) => `(${s})[${a ?? ''}:${b ?? ''}${st === null ? '' : ':' + st}]`,
    ),
    fc.tuple(fc.constantFrom('len', 'str', 'repr', 'abs', 'int', 'float', 'sorted', 'list', 'tuple', 'set', 'sum', 'min', 'max', 'hash', 'bool', 'type', 'reversed', 'iter', 'enumerate', 'round'), tie('e')).map(
      ([fn, e]) => `${fn}(${e})`,
    ),
    fc.tuple(fc.constantFrom(...FUNCS), fc.array(tie('e'), { maxLength: 4 }), fc.boolean()).map(
      ([fn, args, kw]) => `${fn}(${args.join(', ')}${kw ? `${args.length ? ', ' : ''}k=1` : ''})`,
    ),
    fc.tuple(tie('e'), fc.constantFrom('x', 'y', 'v', 'n', 'upper', 'real')).map(([e, a]) => `(${e}).${a}`),
    fc.tuple(varName, fc.constantFrom('pop()', 'pop(0)', 'index(1)', 'count(1)', 'copy()', 'keys()', 'items()', 'values()', 'get(1)', "get('a', 0)",
      'upper()', "split(',')", "replace('a', 'b')", "find('b')", 'strip()', "join(['x', 'y'])", 'union({1})', 'bit_length()', 'is_integer()', 'area',
      "format(1)", 'v', 'gen()', 'total()')).map(([v, m]) => `${v}.${m}`),
    fc.tuple(tie('e'), fc.constantFrom('i', 'j'), fc.integer({ min: 0, max: 12 }), fc.option(tie('e')), fc.constantFrom('[', '{', '(', 'dict')).map(
      ([e, v, n, cond, kind]) => {
        const body = `${e} for ${v} in range(${n})${cond === null ? '' : ` if ${cond}`}`;
        if (kind === '[') return `[${body}]`;
        if (kind === '{') return `{${body}}`;
        if (kind === 'dict') return `{${v}: ${e} for ${v} in range(${n})}`;
        return `sum(${body})`;
      },
    ),
    fc.tuple(tie('e'), tie('e')).map(([b, a]) => `(lambda x, y=2: ${b})(${a})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([a, c, b]) => `(${a} if ${c} else ${b})`),
    fc.tuple(tie('e'), fc.constantFrom('', '!r', ':>8', ':.3f', ':x', ':,', '!s:^5', ':08.2e')).map(([e, f]) => `f'<{ ${e}${f}}>'`),
    fc.constantFrom('C(1)', 'C(2, 3)', 'D(5)', 'D()', 'C(1) == C(1)', 'C(1) is C(1)', 'CM()', 'gen(3)', 'list(gen(4))', 'list(chain(2))',
      'sys.getrefcount(a)', 'sys.getsizeof(b)', 'gc.collect()', 'len(gc.get_objects()) > 0', 'outer()()', 'rec(5)', 'rec(3000)', 'runaway(0)',
      'a is b', 'a == b', 'id(a) == id(a)', 'C(1).area', 'D(2).area', 'repr(C(1))', 'isinstance(a, int)', 'next(iter([]))'),
  ),
})).e;

const simpleStmt = fc.oneof(
  fc.tuple(varName, expr).map(([v, e]) => `${v} = ${e}`),
  fc.tuple(varName, fc.constantFrom('+=', '-=', '*=', '//=', '%=', '|='), expr).map(([v, op, e]) => `${v} ${op} ${e}`),
  fc.tuple(varName, varName, expr).map(([x, y, e]) => `${x}, ${y} = ${e}`),
  fc.tuple(varName, varName).map(([x, y]) => `${x}, ${y} = ${y}, ${x}`),
  fc.tuple(fc.array(expr, { maxLength: 3 }), fc.option(fc.constantFrom("', '", "''", "'-'")), fc.option(fc.constantFrom("''", "'!\\n'", "' '"))).map(
    ([es, sep, end]) => `print(${[...es, ...(sep !== null ? [`sep=${sep}`] : []), ...(end !== null ? [`end=${end}`] : [])].join(', ')})`,
  ),
  fc.tuple(varName, expr).map(([v, e]) => `${v}.append(${e})`),
  fc.tuple(varName, expr, expr).map(([v, i, e]) => `${v}.insert(${i}, ${e})`),
  fc.tuple(varName, expr).map(([v, e]) => `${v}.extend(${e})`),
  fc.tuple(varName, fc.constantFrom('sort()', 'reverse()', 'clear()', 'remove(1)', 'add(3)', 'discard(1)', "update({'k': 1})", "setdefault('s', [])", "pop('k', None)", 'close()')).map(
    ([v, m]) => `${v}.${m}`,
  ),
  fc.tuple(varName, expr, expr).map(([v, i, e]) => `${v}[${i}] = ${e}`),
  fc.tuple(varName, intLit, intLit, expr).map(([v, i, j, e]) => `${v}[${i}:${j}] = ${e}`),
  fc.tuple(varName, expr).map(([v, i]) => `del ${v}[${i}]`),
  varName.map((v) => `del ${v}`),
  fc.tuple(varName, expr).map(([v, e]) => `${v}.x = ${e}`),
  expr.map((e) => `raise ValueError(${e})`),
  fc.constantFrom('raise', 'raise KeyError', 'raise TypeError("t") from None', 'assert a, "no a"', 'gc.collect()', 'pass',
    'print(sys.getrefcount(None) > 0, sys.getsizeof([]))', 'counter()', 'print(G)'),
  expr,
);

/** A statement; `depth` bounds nesting. Loops are bounded by construction. */
function stmt(depth: number): fc.Arbitrary<string> {
  if (depth <= 0) return simpleStmt;
  const block = fc.array(stmt(depth - 1), { minLength: 1, maxLength: 3 }).map((ss) => ss.join('\n'));
  return fc.oneof(
    { weight: 6, arbitrary: simpleStmt },
    { weight: 1, arbitrary: fc.tuple(expr, block, fc.option(block)).map(([c, t, e]) => `if ${c}:\n${indent(t)}${e === null ? '' : `\nelse:\n${indent(e)}`}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('i', 'j', ...VARS), fc.integer({ min: 0, max: 6 }), block).map(([v, n, b]) => `for ${v} in range(${n}):\n${indent(b)}`) },
    { weight: 1, arbitrary: fc.tuple(varName, expr, block).map(([v, it, b]) => `for ${v} in ${it}:\n${indent(b)}`) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: 0, max: 5 }), expr, block, fc.boolean()).map(
        ([n, c, b, brk]) => `_n = 0\nwhile _n < ${n} and ${c}:\n    _n += 1\n${indent(b)}${brk ? '\n    if _n == 2:\n        break\n    continue' : ''}`,
      ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(block, fc.constantFrom('Exception', 'ValueError', '(TypeError, KeyError)', 'ZeroDivisionError', 'IndexError', 'RecursionError'), fc.option(block), fc.option(block)).map(
        ([b, exc, h, fin]) =>
          `try:\n${indent(b)}\nexcept ${exc} as ex:\n    print(type(ex).__name__, ex)\n${h === null ? '' : indent(h) + '\n'}` +
          (fin === null ? '' : `finally:\n${indent(fin)}\n`),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('CM()', 'CM(True)', 'CM(False)'), varName, block).map(([cm, v, b]) => `with ${cm} as ${v}:\n${indent(b)}`) },
  );
}

/** Top-level definitions: functions with defaults/*args/**kwargs, recursion, closures, classes, generators. */
const definition = fc.oneof(
  fc.tuple(fc.constantFrom(...FUNCS), fc.constantFrom('x', 'x, y=2', 'x, *args', 'x=1, **kw', '*args, **kw', 'x, y, /, z=3, *, k=4', ''), fc.array(stmt(1), { maxLength: 3 }), expr).map(
    ([name, params, body, ret]) => `def ${name}(${params}):\n${indent([...body, `return ${ret}`].join('\n'))}`,
  ),
  fc.tuple(fc.constantFrom(...FUNCS), expr).map(([name, e]) => `def ${name}(*args, **kw):\n    global G\n    G = ${e}\n    yield G\n    yield from range(2)`),
  fc.constantFrom(
    'def rec(n):\n    return 0 if n <= 0 else 1 + rec(n - 1)',
    'def runaway(n):\n    return runaway(n + 1)',
    'def outer():\n    x = 0\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner',
    'def gen(n):\n    for i in range(n):\n        yield i * i\n    return "done"',
    'def chain(n):\n    yield from gen(n)\n    yield from [a, b]\n    r = yield from gen(1)\n    yield r',
    'G = 0\ndef counter():\n    global G\n    G += 1\n    return G',
    'class CM:\n    def __init__(self, swallow=False):\n        self.swallow = swallow\n    def __enter__(self):\n        print("enter")\n        return self\n    def __exit__(self, t, v, tb):\n        print("exit", t)\n        return self.swallow',
    'class C:\n    def __init__(self, v, w=0):\n        self.v = v\n        self.w = w\n    def __repr__(self):\n        return f"C({self.v!r})"\n    def __eq__(self, other):\n        return isinstance(other, C) and self.v == other.v\n    __hash__ = None\n    @property\n    def area(self):\n        return self.v * self.w\n    def __del__(self):\n        print("del C")',
    'class D(C):\n    def __init__(self, v=1):\n        super().__init__(v, v)\n    @property\n    def area(self):\n        return super().area + 1\n    def __repr__(self):\n        return "D:" + super().__repr__()',
    'class Loop:\n    def __init__(self):\n        self.me = self\n    def __repr__(self):\n        return repr(self.me)\na = Loop()',
    'class Bad:\n    def __del__(self):\n        raise ValueError("in del")\nb = Bad()\nb = None',
    'a = []\na.append(a)\nb = {"self": a}\nc = (a, b)\ngc.collect()',
  ),
);

const PRELUDE = 'import sys, gc\na, b, c, d = 1, [1, 2], {"k": 3}, "abc"\n';

/** A program: definitions and statements; most top-level statements are guarded so the run goes on. */
export const validProgram = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: definition },
      { weight: 4, arbitrary: fc.tuple(stmt(2), fc.boolean()).map(([s, guard]) => (guard ? `try:\n${indent(s)}\nexcept Exception as ex:\n    print("!", type(ex).__name__)` : s)) },
      { weight: 3, arbitrary: fc.tuple(stmt(2)).map(([s]) => `try:\n${indent(s)}\nexcept Exception as ex:\n    print("!", type(ex).__name__, ex)`) },
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((parts) => PRELUDE + parts.join('\n') + '\n');

