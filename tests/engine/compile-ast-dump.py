"""Dump CPython's own `ast.parse` of every compile-corpus snippet as JSON in the
shape of src/engine/parse/ast.ts (counterpart: Lib/ast.py), so the compiler can
be tested independently of our parser. Run with CPython 3.12."""
import ast, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, 'compile-corpus')
OPS = (ast.operator, ast.unaryop, ast.cmpop, ast.boolop, ast.expr_context)


def const(v):
    if v is None: return {'type': 'None'}
    if v is Ellipsis: return {'type': 'Ellipsis'}
    if isinstance(v, bool): return {'type': 'bool', 'value': v}
    if isinstance(v, int): return {'type': 'int', 'value': str(v)}
    if isinstance(v, float): return {'type': 'float', 'value': repr(v)}
    if isinstance(v, complex): return {'type': 'complex', 'imag': repr(v.imag)}
    if isinstance(v, str): return {'type': 'str', 'value': v}
    if isinstance(v, bytes): return {'type': 'bytes', 'value': list(v)}
    raise TypeError(v)


def conv(node, starts):
    if isinstance(node, list):
        return [conv(x, starts) for x in node]
    if isinstance(node, OPS):
        return type(node).__name__
    if not isinstance(node, ast.AST):
        return node
    d = {'kind': type(node).__name__}
    if isinstance(node, ast.Set): d['kind'] = 'Set'
    for f in node._fields:
        v = getattr(node, f, None)
        if isinstance(node, ast.Constant) and f == 'value':
            d[f] = const(v)
        elif f == 'kind' and isinstance(node, ast.Constant):
            continue
        elif isinstance(node, ast.AnnAssign) and f == 'simple':
            d[f] = bool(v)
        elif f == 'type_params' or f == 'type_comment':
            continue
        else:
            d[f] = conv(v, starts)
    if hasattr(node, 'lineno') and node.lineno is not None:
        for a in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
            d[a] = getattr(node, a)
        d['start'] = starts[node.lineno - 1] + node.col_offset
        d['end'] = starts[node.end_lineno - 1] + node.end_col_offset
    return d


def dump(src):
    starts, pos = [], 0
    for line in src.splitlines(keepends=True) + ['']:
        starts.append(pos); pos += len(line)
    return conv(ast.parse(src), starts)


out = {}
for sub in ('', 'errors'):
    d = os.path.join(CORPUS, sub)
    for name in sorted(os.listdir(d)):
        if name.endswith('.py'):
            try:
                out[os.path.join(sub, name) if sub else name] = dump(open(os.path.join(d, name)).read())
            except SyntaxError:
                pass  # a parser-level error: nothing for the compiler to see
with open(os.path.join(CORPUS, 'ast.json'), 'w') as f:
    json.dump(out, f)
print('dumped', len(out))
