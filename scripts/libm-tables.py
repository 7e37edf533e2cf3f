#!/usr/bin/env python3
"""Writes src/engine/modules/libm/{exp,log,log2,pow,sincos}-table.ts: the
constants and tables of the glibc libm that CPython's math module calls on
the machine whose CPython recorded the expected outputs (Debian 12, glibc
2.36, x86-64). (asin, atan, tan and exp2 have scripts of their own.)

glibc's exp, log, log2 and pow (sysdeps/ieee754/dbl-64, from Arm's
optimized-routines) read their polynomial coefficients and lookup tables
from the structs __exp_data, __log_data, __log2_data and __pow_log_data,
and sin and cos (IBM's, s_sin.c) from __sincostab. The simulator's ports
(libm/exp.ts, log.ts, log2.ts, pow.ts, sincos.ts)
must use the very same numbers to give the same last bit, so they are read
here from the installed libm with gdb (which knows the structs' layout from
the library's debug information) instead of being typed in.

    python3 scripts/libm-tables.py            # needs gdb and glibc's libm.so.6
"""
import struct

from libm_gdb import LIBM_DIR as OUT_DIR, doubles, dump, js


# struct exp_data: invln2N, negln2hiN, negln2loN, poly[4], shift, exp2_shift, exp2_poly[5], tab[2*128]
exp = dump('__exp_data', 2160)
e = doubles(exp[:112])
tab = struct.unpack('<256Q', exp[112:])
# tab[2i] is the tail of 2^(i/128), tab[2i+1] + (i << 45) its leading double's bits
tail = doubles(struct.pack('<128Q', *tab[0::2]))
head = doubles(struct.pack('<128Q', *[(tab[2 * i + 1] + (i << 45)) & (2**64 - 1) for i in range(128)]))

# struct log_data: ln2hi, ln2lo, poly[5], poly1[11], tab[128] {invc, logc}, tab2[128] {chi, clo}
log = doubles(dump('__log_data', 4240))
ln2hi, ln2lo, lpoly, lpoly1 = log[0], log[1], log[2:7], log[7:18]
ltab = log[18:18 + 256]

# struct pow_log_data: ln2hi, ln2lo, poly[7], tab[128] {invc, pad, logc, logctail}
plog = doubles(dump('__pow_log_data', 4168))
pln2hi, pln2lo, ppoly = plog[0], plog[1], plog[2:9]
ptab = [v for j, v in enumerate(plog[9:]) if j % 4 != 1]  # without the padding

# struct log2_data: invln2hi, invln2lo, poly[6], poly1[10], tab[64] {invc, logc}, tab2[64] {chi, clo}
l2 = doubles(dump('__log2_data', 2192))
l2inv, l2poly, l2poly1, l2tab = l2[0:2], l2[2:8], l2[8:18], l2[18:18 + 128]

# __sincostab: 110 quadruples (sin, its tail, cos, its tail) of multiples of 1/128 (IBM's sin/cos)
sincos = doubles(dump('__sincostab', 3520))

HEADER = """/**
 * glibc 2.36's libm constants and tables (x86-64), read from the installed
 * library by scripts/libm-tables.py: do not edit. {what}
 */
"""


def write(name: str, what: str, body: str) -> None:
    # one module a function family, so a chunk that needs pow does not carry sin's table
    (OUT_DIR / f'{name}-table.ts').write_text(HEADER.format(what=what) + body)
    print(f'wrote {OUT_DIR / name}-table.ts')


write('exp', "From Arm's optimized-routines (MIT licence), which glibc's exp is.", f'''
/** exp: N/ln2 with N = 128, -ln2/N split in two, the rounding shift and the polynomial (C2..C5) */
export const EXP = {{
  invln2N: {e[0]!r},
  negln2hiN: {e[1]!r},
  negln2loN: {e[2]!r},
  c2: {e[3]!r},
  c3: {e[4]!r},
  c4: {e[5]!r},
  c5: {e[6]!r},
  shift: {e[7]!r},
}};

/** 2^(i/128) ~= EXP_HEAD[i] * (1 + EXP_TAIL[i]) */
export const EXP_HEAD = new Float64Array({js(head)});
export const EXP_TAIL = new Float64Array({js(tail)});
''')

write('log', "From Arm's optimized-routines (MIT licence), which glibc's log is.", f'''
/** log: ln2 split in two, the polynomial for log(1+r), and the one used near 1 */
export const LOG = {{
  ln2hi: {ln2hi!r},
  ln2lo: {ln2lo!r},
}};
export const LOG_POLY = new Float64Array({js(lpoly)});
export const LOG_POLY1 = new Float64Array({js(lpoly1)});
/** pairs (invc, logc) for 128 subintervals of [0x1.6p-1, 0x1.6p0] */
export const LOG_TAB = new Float64Array({js(ltab)});
''')

write('log2', "From Arm's optimized-routines (MIT licence), which glibc's log2 is.", f'''
/** log2: 1/ln2 split in two, the polynomial for log2(1+r)/r^2 - 1/ln2 r, and the one used near 1 */
export const LOG2 = {{
  invln2hi: {l2inv[0]!r},
  invln2lo: {l2inv[1]!r},
}};
export const LOG2_POLY = new Float64Array({js(l2poly)});
export const LOG2_POLY1 = new Float64Array({js(l2poly1)});
/** pairs (invc, logc) for 64 subintervals of [0x1.6p-1, 0x1.6p0] */
export const LOG2_TAB = new Float64Array({js(l2tab)});
''')

write('pow', "From Arm's optimized-routines (MIT licence), which glibc's pow is.", f'''
/** pow's log: ln2 split in two, the polynomial (A[0] = -0.5) */
export const POW_LOG = {{
  ln2hi: {pln2hi!r},
  ln2lo: {pln2lo!r},
}};
export const POW_LOG_POLY = new Float64Array({js(ppoly)});
/** triples (invc, logc, logctail) for 128 subintervals */
export const POW_LOG_TAB = new Float64Array({js(ptab)});
''')

write('sincos', "IBM's Accurate Mathematical Library (LGPL 2.1+, as glibc).", f'''
/** sin and cos (s_sin.c): sin(xi) and cos(xi) for xi = i/128, each as a double and a tail, 4 per i */
export const SINCOS_TAB = new Float64Array({js(sincos)});
''')
