#!/usr/bin/env python3
"""Writes src/engine/modules/libm/exp2-table.ts: the constants of glibc's
exp2 (Arm's e_exp2.c, glibc 2.36, x86-64) that scripts/libm-tables.py does
not export: the fields exp2_shift and exp2_poly of the struct __exp_data.
exp2 shares the struct's table tab[] (2^(i/128)) with exp, which exp-table.ts
already holds as EXP_HEAD and EXP_TAIL.

The numbers are read from the installed libm with gdb (which knows the
struct's layout from the library's debug information), as in
scripts/libm-tables.py, instead of being typed in.

    python3 scripts/libm-exp2-table.py        # needs gdb and glibc's libm.so.6
"""
import struct
import sys

from libm_gdb import LIBM_DIR, dump, gdb

OUT = LIBM_DIR / 'exp2-table.ts'


def offset(field: str) -> int:
    """the byte offset of a field of struct exp_data, as the debug information gives it"""
    return int(gdb(f'p (long)&((struct exp_data*)0)->{field}').rsplit('=', 1)[1])


# struct exp_data: invln2N, negln2hiN, negln2loN, poly[4], shift, exp2_shift, exp2_poly[5], tab[2*128]
data = dump('__exp_data', 2160)
if (offset('exp2_shift'), offset('exp2_poly')) != (64, 72):
    sys.exit('struct exp_data has another layout (another glibc version?)')
shift, = struct.unpack('<d', data[64:72])
poly = struct.unpack('<5d', data[72:112])

OUT.write_text(f'''/**
 * glibc 2.36's exp2 constants (x86-64): the fields exp2_shift and exp2_poly
 * of __exp_data, read from the installed library by
 * scripts/libm-exp2-table.py: do not edit. They come from Arm's
 * optimized-routines (MIT licence), which glibc's exp2 is. The table of
 * 2^(i/128) is exp-table.ts's EXP_HEAD and EXP_TAIL.
 */

/** 0x1.8p52 / 128: x + shift rounds x to a multiple of 1/128; 2^r ~= 1 + c1 r + ... + c5 r^5 */
export const EXP2 = {{
  shift: {shift!r},
  c1: {poly[0]!r},
  c2: {poly[1]!r},
  c3: {poly[2]!r},
  c4: {poly[3]!r},
  c5: {poly[4]!r},
}};
''')
print(f'wrote {OUT}')
