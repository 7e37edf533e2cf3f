"""Record CPython 3.12's view of the parse corpus.

Run with CPython 3.12:  $(pyenv root)/versions/3.12.1/bin/python3 tests/engine/record-parse.py
Reads tests/engine/parse-corpus/{valid,invalid}.txt (snippets separated by
`#### name` lines) and writes tests/engine/parse-corpus/recorded.json with
ast.dump() output and node positions (valid snippets) or the SyntaxError
fields and the stderr a script run prints (invalid snippets).
"""
import ast
import json
import os
import subprocess
import sys
import tempfile
import warnings

assert sys.version_info[:2] == (3, 12), "record with CPython 3.12"
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "parse-corpus")


def read_snippets(name):
    items, cur, lines = [], None, []
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as fh:
        for line in fh.read().split("\n"):
            if line.startswith("#### "):
                if cur is not None:
                    items.append((cur, "\n".join(lines) + "\n"))
                cur, lines = line[5:].strip(), []
            else:
                lines.append(line)
    if cur is not None:
        while lines and lines[-1] == "":
            lines.pop()
        items.append((cur, "\n".join(lines) + "\n"))
    # a snippet keeps exactly one trailing newline
    return [(n, s.rstrip("\n") + "\n") for n, s in items]


def utf16_col(line_bytes, col):
    return len(line_bytes[:col].decode("utf-8", "replace").encode("utf-16-le")) // 2


def positions(tree, src):
    """Positions of every node with a location, keyed by its path of fields.
    Literal pieces inside f-strings are skipped: CPython 3.12's positions for
    those are not meaningful (see bpo/gh issues on f-string locations)."""
    lines = [l.encode("utf-8") for l in src.split("\n")]
    out = {}

    def conv(lineno, col):
        return utf16_col(lines[lineno - 1], col) if lineno - 1 < len(lines) else col

    def visit(node, path, in_fstring):
        if isinstance(node, ast.AST):
            if hasattr(node, "lineno") and not in_fstring:
                out[path] = [node.lineno, conv(node.lineno, node.col_offset),
                             node.end_lineno, conv(node.end_lineno, node.end_col_offset)]
            for f in node._fields:
                v = getattr(node, f, None)
                child_in_f = in_fstring
                if isinstance(node, ast.JoinedStr):
                    child_in_f = True
                if isinstance(node, ast.FormattedValue) and f == "value":
                    child_in_f = False
                if isinstance(node, ast.FormattedValue) and f == "format_spec":
                    child_in_f = True
                visit(v, f"{path}.{f}" if path else f, child_in_f)
        elif isinstance(node, list):
            for i, x in enumerate(node):
                visit(x, f"{path}[{i}]", in_fstring)

    visit(tree, "", False)
    return out


def run_script(src):
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "prog.py")
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(src)
        r = subprocess.run([sys.executable, "prog.py"], cwd=d, capture_output=True, text=True)
        return r.stderr.replace(d + os.sep, "")


MUTATION_PIECES = ['(', ')', '[', ']', ':', ',', '=', 'if', 'else', 'for', 'in', '*', '**', '.', 'lambda', 'not',
                   '"', "'", '{', '}', '\n', '    ', 'x', '1', 'def', 'return', ';', '->', ':=', 'yield', '@', '+',
                   'and', 'is']


def mutations(valid):
    """Seeded random edits of the valid snippets (delete or insert a token): a
    differential test of acceptance, messages and locations against CPython."""
    import random
    rnd = random.Random(12345)
    out = []
    for _, src in valid:
        for _ in range(6):
            s = src
            i = rnd.randrange(len(s) + 1)
            r = rnd.random()
            if r < 0.4:
                s = s[:i] + s[i + rnd.randint(1, 3):]
            elif r < 0.8:
                s = s[:i] + rnd.choice(MUTATION_PIECES) + s[i:]
            else:
                s = s[:i] + " " + rnd.choice(MUTATION_PIECES) + " " + s[i:]
            rec = {"src": s}
            try:
                rec["dump"] = ast.dump(ast.parse(s))
            except SyntaxError as e:
                rec["error"] = {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                                "end_lineno": e.end_lineno, "end_offset": e.end_offset}
            except (ValueError, RecursionError, MemoryError):
                continue
            out.append(rec)
    return out


def main():
    warnings.simplefilter("ignore")
    out = {"python": sys.version.split()[0], "valid": [], "invalid": []}
    valid = read_snippets("valid.txt")
    out["mutations"] = mutations(valid)
    for name, src in valid:
        tree = ast.parse(src)
        out["valid"].append({"name": name, "src": src, "dump": ast.dump(tree), "positions": positions(tree, src)})
    for name, src in read_snippets("invalid.txt"):
        rec = {"name": name, "src": src}
        try:
            tree = ast.parse(src)
            rec["cpython_ok"] = True
            rec["dump"] = ast.dump(tree)
        except SyntaxError as e:
            rec["error"] = {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                            "end_lineno": e.end_lineno, "end_offset": e.end_offset}
            rec["stderr"] = run_script(src)
        out["invalid"].append(rec)
    with open(os.path.join(HERE, "recorded.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print(f"recorded {len(out['valid'])} valid, {len(out['invalid'])} invalid snippets, {len(out['mutations'])} mutations")


main()
