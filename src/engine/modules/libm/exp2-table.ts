/**
 * glibc 2.36's exp2 constants (x86-64): the fields exp2_shift and exp2_poly
 * of __exp_data, read from the installed library by
 * scripts/libm-exp2-table.py: do not edit. They come from Arm's
 * optimized-routines (MIT licence), which glibc's exp2 is. The table of
 * 2^(i/128) is exp-table.ts's EXP_HEAD and EXP_TAIL.
 */

/** 0x1.8p52 / 128: x + shift rounds x to a multiple of 1/128; 2^r ~= 1 + c1 r + ... + c5 r^5 */
export const EXP2 = {
  shift: 52776558133248.0,
  c1: 0.6931471805599453,
  c2: 0.24022650695909065,
  c3: 0.0555041086686087,
  c4: 0.009618131975721055,
  c5: 0.0013332074570119598,
};
