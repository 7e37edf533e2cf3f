#!/usr/bin/env python3
"""Writes src/engine/modules/libm/atan-table.ts: the table of glibc 2.36's
atan and atan2 (IBM's s_atan.c and e_atan2.c, as __atan_fma and
__ieee754_atan2_fma run them), read from the installed libm with gdb so that
the port (libm/atan.ts) uses the very same numbers.

  cij     uatan.tbl: 241 rows of 7 doubles (xi, atan(xi), then the Taylor
          coefficients of atan at xi for powers 1..5) for xi near
          (i + 16) / 256, 1/16 <= xi <= 1. It is static, so each compiled
          variant of s_atan.c and e_atan2.c has its copy (s_atan-fma.c,
          e_atan2-fma.c, ...): the copies read are the ones the machine code
          of __atan_fma and __ieee754_atan2_fma addresses, and they must hold
          the same numbers.

    python3 scripts/libm-atan-table.py        # needs gdb and glibc's libm.so.6
"""
import re
import sys

from libm_gdb import LIBM_DIR, doubles, dump_at as dump, gdb, js

OUT = LIBM_DIR / 'atan-table.ts'
ROWS, COLS = 241, 7


if f'= {ROWS * COLS * 8}' not in gdb('p sizeof(cij)'):
    sys.exit(f'cij: expected {ROWS} x {COLS} doubles (another glibc version?)')
msymbols = gdb('maint print msymbols')
tables = []
for function, source in (('__atan_fma', 's_atan-fma.c'), ('__ieee754_atan2_fma', 'e_atan2-fma.c')):
    # "lea 0x4988e(%rip),%rcx        # 0xb92a0 <cij>"
    addrs = set(re.findall(r'# (0x[0-9a-f]+) <cij>', gdb(f'disassemble {function}')))
    if len(addrs) != 1:
        sys.exit(f'{function}: expected one cij in the machine code, found {addrs} (another glibc version?)')
    addr, = addrs
    if f'{addr} cij section .rodata  {source}' not in msymbols:
        sys.exit(f'cij at {addr} is not {source}\'s (another glibc version?)')
    tables.append(doubles(dump(addr, ROWS * COLS * 8)))
if tables[0] != tables[1]:
    sys.exit('the copies of cij differ (another glibc version?)')
cij = tables[0]

OUT.write_text(f'''/**
 * glibc 2.36's table for atan and atan2 (x86-64): written by
 * scripts/libm-atan-table.py from the installed libm, do not edit. IBM
 * Accurate Mathematical Library (LGPL 2.1+, as glibc).
 */

/**
 * uatan.tbl's cij: for i = 0..240, xi (near (i + 16) / 256), atan(xi) and the
 * coefficients of (x - xi)^1..5 in atan(x)'s Taylor series at xi; 7 per i
 */
export const CIJ = new Float64Array({js(cij, COLS)});
''')
print(f'wrote {OUT}')
