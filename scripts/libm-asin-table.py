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
from libm_gdb import LIBM_DIR, doubles, dump, js

OUT = LIBM_DIR / 'asin-table.ts'

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
