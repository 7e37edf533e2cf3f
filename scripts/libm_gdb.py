"""What the scripts/libm-*.py generators share: reading glibc's libm with gdb
(which knows its tables' layout from the library's debug information) and
writing doubles as JS literals."""
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

LIBM = '/lib/x86_64-linux-gnu/libm.so.6'
LIBM_DIR = Path(__file__).resolve().parent.parent / 'src/engine/modules/libm'


def gdb(*commands: str) -> str:
    cmd = ['gdb', '-batch']
    for c in commands:
        cmd += ['-ex', c]
    return subprocess.run(cmd + [LIBM], capture_output=True, text=True, check=True).stdout


def dump_at(start: str, size: int) -> bytes:
    """`size` bytes from the address expression `start`"""
    with tempfile.NamedTemporaryFile() as f:
        gdb(f'dump binary memory {f.name} (char*)({start}) ((char*)({start}))+{size}')
        b = Path(f.name).read_bytes()
        if len(b) != size:
            sys.exit(f'{start}: read {len(b)} bytes, expected {size}')
        return b


def dump(symbol: str, size: int) -> bytes:
    """a named table, which must be `size` bytes (another glibc's may differ)"""
    out = gdb(f'p sizeof({symbol})')
    if f'= {size}' not in out:
        sys.exit(f'{symbol}: expected sizeof {size}, gdb says {out!r} (another glibc version?)')
    return dump_at(f'&{symbol}', size)


def doubles(b: bytes) -> list[float]:
    return list(struct.unpack(f'<{len(b) // 8}d', b))


def js(xs: list[float], per_line: int = 1) -> str:
    # repr() is the shortest decimal that reads back as the same double, in JS too
    rows = [xs[i:i + per_line] for i in range(0, len(xs), per_line)]
    return '[\n' + ''.join('  ' + ', '.join(repr(x) for x in r) + ',\n' for r in rows) + ']'
