#!/usr/bin/env python3
"""Writes src/engine/modules/libm/tan-table.ts: the tables of glibc 2.36's
tan (IBM's s_tan.c, as __tan_fma runs it) and of __branred, its reduction
of huge arguments, read from the installed libm with gdb so that the port
(libm/tan.ts) uses the very same numbers.

  xfg     utan.tbl: 186 quadruples (xi, tan(xi), 1/tan(xi), tail of tan(xi))
          for xi near (i + 16) / 256. It is a static local of __tan, so
          each variant of tan has its copy (xfg.9 for s_tan.c, xfg.12 for
          s_tan-fma.c, ...) and the debug information gives no type: the
          copy is the one __tan_fma's machine code addresses, and its size
          is 186 * 32 bytes because the index is (int) (256 * w - 15.5) for
          w <= 0.787 (at most 185).
  toverp  branred.h: 2/pi in 75 pieces of 24 bits each.

    python3 scripts/libm-tan-table.py         # needs gdb and glibc's libm.so.6
"""
import re
import sys

from libm_gdb import LIBM_DIR, doubles, dump_at as dump, gdb, js

OUT = LIBM_DIR / 'tan-table.ts'
XFG_ROWS = 186


# the xfg that __tan_fma reads: "lea 0x...(%rip),%rax   # 0xbc780 <xfg.12>"
asm = gdb('disassemble __tan_fma')
addrs = set(re.findall(r'# (0x[0-9a-f]+) <(xfg[.0-9]*)>', asm))
if len(addrs) != 1:
    sys.exit(f'__tan_fma: expected one xfg in the machine code, found {addrs} (another glibc version?)')
(xfg_addr, xfg_name), = addrs
if f"{xfg_name} section .rodata  xfg  s_tan-fma.c" not in gdb('maint print msymbols'):
    sys.exit(f'{xfg_name} at {xfg_addr} is not s_tan-fma.c\'s xfg (another glibc version?)')
xfg = doubles(dump(xfg_addr, XFG_ROWS * 32))
# the plain s_tan.c's copy must hold the same numbers: a check that the size is right
plain = re.search(r'(0x[0-9a-f]+) (xfg[.0-9]*) section \.rodata  xfg  s_tan\.c', gdb('maint print msymbols'))
if plain and doubles(dump(plain.group(1), XFG_ROWS * 32)) != xfg:
    sys.exit('the copies of xfg differ (another glibc version?)')

if '= 600' not in gdb('p sizeof(toverp)'):
    sys.exit('toverp: expected 75 doubles (another glibc version?)')
toverp = doubles(dump('&toverp', 600))

OUT.write_text(f'''/**
 * glibc 2.36's tables for tan (x86-64): written by scripts/libm-tan-table.py
 * from the installed libm, do not edit. IBM Accurate Mathematical Library
 * (LGPL 2.1+, as glibc).
 */

/** utan.tbl's xfg: for i = 0..185, xi (near (i + 16) / 256), tan(xi), 1 / tan(xi) and tan(xi)'s tail; 4 per i */
export const XFG = new Float64Array({js(xfg, 4)});

/** branred.h's toverp: 2/pi = sum of TOVERP[i] * 2^(-24 (i + 1)), each an integer below 2^24 */
export const TOVERP = new Float64Array({js(toverp, 3)});
''')
print(f'wrote {OUT}')
