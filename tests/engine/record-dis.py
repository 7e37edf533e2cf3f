"""Record what real CPython 3.12's compiler emits for every snippet in
tests/engine/compile-corpus/ (counterpart: Lib/dis.py), so compile.test.ts can
compare our compiler against it. Run with CPython 3.12:

    $(pyenv root)/versions/3.12.1/bin/python3 tests/engine/record-dis.py

Per code object (recursively): instructions as [opname, oparg, line] with CACHE
and EXTENDED_ARG dropped and jump opargs turned into absolute instruction
indices; names, localsplus names/kinds, const reprs, stacksize, flags and the
exception table mapped to instruction indices. Snippets under errors/ record the
SyntaxError CPython raises instead.
"""
import dis, json, os, sys, types

assert sys.version_info[:2] == (3, 12), 'run me with CPython 3.12'
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, 'compile-corpus')
SKIP = {'CACHE', 'EXTENDED_ARG'}


def const_repr(c):
    if isinstance(c, types.CodeType):
        return '<code %s>' % c.co_qualname
    if isinstance(c, tuple):
        return '(' + ', '.join(const_repr(x) for x in c) + (',)' if len(c) == 1 else ')')
    if isinstance(c, frozenset):
        # element order of a frozenset repr depends on hashing; sort for stability
        return 'frozenset({' + ', '.join(sorted(const_repr(x) for x in c)) + '})'
    return repr(c)


def record_code(co):
    raw = list(dis.get_instructions(co, show_caches=True))
    real = [i for i in raw if i.opname not in SKIP]

    def index_of(offset):
        # number of real instructions starting before `offset`
        return sum(1 for i in real if i.offset < offset)

    instrs = []
    positions = []
    for i in real:
        arg = i.arg if i.arg is not None else 0
        if i.opcode in dis.hasjrel or i.opcode in dis.hasjabs:
            arg = index_of(i.argval)
        p = i.positions
        line = p.lineno if p and p.lineno else -1
        instrs.append([i.opname, arg, line])
        if line == -1:
            positions.append([-1, -1, -1, -1])
        else:
            positions.append([p.lineno, p.end_lineno, -1 if p.col_offset is None else p.col_offset,
                              -1 if p.end_col_offset is None else p.end_col_offset])
    table = []
    for e in dis._parse_exception_table(co):
        table.append([index_of(e.start), index_of(e.end), index_of(e.target), e.depth, bool(e.lasti)])
    localsplus = list(co.co_varnames) + [n for n in co.co_cellvars if n not in co.co_varnames] + list(co.co_freevars)
    return {
        'name': co.co_name,
        'qualname': co.co_qualname,
        'firstlineno': co.co_firstlineno,
        'argcount': co.co_argcount,
        'posonlyargcount': co.co_posonlyargcount,
        'kwonlyargcount': co.co_kwonlyargcount,
        'flags': co.co_flags,
        'stacksize': co.co_stacksize,
        'names': list(co.co_names),
        'varnames': list(co.co_varnames),
        'cellvars': list(co.co_cellvars),
        'freevars': list(co.co_freevars),
        'localsplus': localsplus,
        'consts': [const_repr(c) for c in co.co_consts],
        'instructions': instrs,
        'positions': positions,
        'exceptiontable': table,
        'children': [record_code(c) for c in co.co_consts if isinstance(c, types.CodeType)],
    }


def main():
    out = {'snippets': {}, 'errors': {}}
    for name in sorted(os.listdir(CORPUS)):
        if not name.endswith('.py'):
            continue
        src = open(os.path.join(CORPUS, name), encoding='utf-8').read()
        out['snippets'][name] = record_code(compile(src, name, 'exec', dont_inherit=True))
    errdir = os.path.join(CORPUS, 'errors')
    for name in sorted(os.listdir(errdir)):
        if not name.endswith('.py'):
            continue
        src = open(os.path.join(errdir, name), encoding='utf-8').read()
        try:
            compile(src, name, 'exec', dont_inherit=True)
        except SyntaxError as e:
            out['errors'][name] = {'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                                  'end_lineno': e.end_lineno, 'end_offset': e.end_offset}
        else:
            raise SystemExit('%s compiled without error' % name)
    with open(os.path.join(CORPUS, 'recorded.json'), 'w') as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write('\n')
    print('recorded %d snippets, %d errors' % (len(out['snippets']), len(out['errors'])))


main()
