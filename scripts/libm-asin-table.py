#!/usr/bin/env python3
"""Writes src/engine/modules/libm/asin-table.ts: the tables of glibc 2.36's
asin and acos (sysdeps/ieee754/dbl-64/e_asin.c, IBM's Accurate Mathematical
Library) as the installed libm holds them, for libm/asin.ts.

  asncs   (asincos.tbl) 2568 doubles: for |x| in [0.125, 0.96875), per
          subinterval a centre, Taylor coefficients of asin about it and
          asin(centre) (its layout per range is described in asin.ts)
  inroot  (root.tbl)    128 doubles: 1/sqrt of 128 points of [1, 4), the first
          guess of 1/sqrt(z) near |x| = 1
  powtwo  (powtwo.tbl)  28 doubles: the power of two that scales it

They are read with gdb (which knows their sizes from the library's debug
information) instead of being typed in, modelled on scripts/libm-tables.py.

    python3 scripts/libm-asin-table.py        # needs gdb and glibc's libm.so.6
"""
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

LIBM = '/lib/x86_64-linux-gnu/libm.so.6'
OUT = Path(__file__).resolve().parent.parent / 'src/engine/modules/libm/asin-table.ts'


def dump(symbol: str, size: int) -> bytes:
    with tempfile.NamedTemporaryFile() as f:
        cmd = ['gdb', '-batch', '-ex', f'p sizeof({symbol})',
               '-ex', f'dump binary memory {f.name} (char*)&{symbol} ((char*)&{symbol})+{size}', LIBM]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        if f'= {size}' not in out:
            sys.exit(f'{symbol}: expected sizeof {size}, gdb says {out!r} (another glibc version?)')
        return Path(f.name).read_bytes()


def doubles(b: bytes) -> list[float]:
    return list(struct.unpack(f'<{len(b) // 8}d', b))


def js(xs: list[float]) -> str:
    # repr() is the shortest decimal that reads back as the same double, in JS too
    return '[\n' + ''.join(f'  {x!r},\n' for x in xs) + ']'


asncs = doubles(dump('asncs', 20544))
inroot = doubles(dump('inroot', 1024))
powtwo = doubles(dump('powtwo', 224))

OUT.write_text(f'''/**
 * glibc 2.36's asin and acos tables (x86-64), read from the installed library
 * by scripts/libm-asin-table.py: do not edit. They are IBM's (asincos.tbl,
 * root.tbl, powtwo.tbl; LGPL 2.1 or later, as glibc).
 */

/** asincos.tbl: per subinterval of [0.125, 0.96875), a centre, coefficients and asin(centre) */
export const ASNCS = new Float64Array({js(asncs)});

/** root.tbl: 1/sqrt of 128 points of [1, 4) */
export const INROOT = new Float64Array({js(inroot)});

/** powtwo.tbl: the powers of two that scale INROOT's guess */
export const POWTWO = new Float64Array({js(powtwo)});
''')
print(f'wrote {OUT}')
