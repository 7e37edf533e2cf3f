/**
 * The random module: CPython's Mersenne Twister, bit for bit.
 * CPython counterpart: Modules/_randommodule.c (init_genrand,
 * init_by_array, genrand_uint32, random_random's genrand_res53,
 * getrandbits, random_seed for ints) and Lib/random.py (3.12: _randbelow
 * via getrandbits, randrange, randint, choice, shuffle, uniform, sample,
 * choices).
 *
 * With an int (or float, via its hash) seed every sequence is CPython's.
 * Not seeded, the simulator's generator starts as if `random.seed(0)` had
 * been called — the simulator is deterministic by design, so an unseeded
 * program prints the same numbers on every run (CPython's would differ).
 * Seeding with str/bytes (which CPython hashes with SHA-512) is not supported.
 */

import { PyObject, decref, newref } from '../objects/object.js';
import { PyTypeObject, TPFLAGS_BASETYPE } from '../objects/typeobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { getItem, length, setItem, iterableToArray, hash, reprString } from '../objects/abstract.js';
import { PyLong, newInt, indexValue, bitLength } from '../objects/longobject.js';
import { PyFloat, newFloat, asDouble } from '../objects/floatobject.js';
import { PyNone } from '../objects/singletons.js';
import { newList } from '../objects/listobject.js';
import { PyDict } from '../objects/dictobject.js';
import { PySet } from '../objects/setobject.js';
import { parseArgs, checkArity } from '../objects/args.js';
import { nativeType, allocNative, none } from './itertoolsmodule.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import type { ModuleDef } from './moduledef.js';
import { log as glibcLog } from './libm/log.js';

const N = 624, MM = 397;
const MATRIX_A = 0x9908b0df, UPPER_MASK = 0x80000000, LOWER_MASK = 0x7fffffff;

class MT {
  mt = new Uint32Array(N);
  index = N + 1;

  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  initByArray(key: number[]): void {
    this.initGenrand(19650218);
    const mt = this.mt;
    let i = 1, j = 0;
    const klen = key.length;
    for (let k = N > klen ? N : klen; k; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= klen) j = 0;
    }
    for (let k = N - 1; k; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  genrand(): number {
    const mt = this.mt;
    let y: number;
    if (this.index >= N) {
      let kk = 0;
      for (; kk < N - MM; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + MM] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (MM - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[MM - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.index = 0;
    }
    y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** genrand_res53 */
  random(): number {
    const a = this.genrand() >>> 5, b = this.genrand() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  getrandbits(k: number): bigint | number {
    if (k === 0) return 0;
    if (k <= 32) return this.genrand() >>> (32 - k);
    let result = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32) {
      let r = this.genrand();
      if (left < 32) r >>>= 32 - left;
      result |= BigInt(r) << shift;
      shift += 32n;
    }
    return result;
  }

  /** random_seed for an int: the words of abs(n), least significant first */
  seedInt(n: bigint): void {
    if (n < 0n) n = -n;
    const key: number[] = [];
    if (n === 0n) key.push(0);
    while (n > 0n) {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    }
    this.initByArray(key);
  }

  randbelow(n: bigint): bigint {
    const k = bitLength(n);
    let r = BigInt(this.getrandbits(k));
    while (r >= n) r = BigInt(this.getrandbits(k));
    return r;
  }
}

// ===================================================================== the Random type

class PyRandom extends PyObject {
  b_mt = new MT();
  gaussNext: number | null = null;
}
export const RandomType = nativeType('random', 'Random', 2504, TPFLAGS_BASETYPE);
RandomType.name = 'Random';
RandomType.tp_new = (type, args, kwnames) => {
  const r = new PyRandom(type);
  allocNative(r);
  try {
    seedWith(r, args.length > 0 && (kwnames === null || args.length > kwnames.length) ? args[0] : PyNone);
  } catch (e) {
    decref(r);
    throw e;
  }
  return r;
};

function seedWith(r: PyRandom, a: PyObject): void {
  r.gaussNext = null;
  if (a === PyNone) {
    r.b_mt.seedInt(0n);
    return;
  }
  if (a instanceof PyLong) {
    r.b_mt.seedInt(BigInt(a.value));
    return;
  }
  if (a instanceof PyFloat) {
    r.b_mt.seedInt(BigInt(hash(a)));
    return;
  }
  const tn = a.type.name;
  if (tn === 'str' || tn === 'bytes' || tn === 'bytearray') unsupported('random.seed() with a str or bytes seed (use an int)');
  raise(Exc.TypeError, 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
}

function big(o: PyObject): bigint {
  return BigInt(indexValue(o));
}

const m: Record<string, BuiltinMethod> = {};
m.seed = (self, args, kwnames) => {
  const [a] = parseArgs('seed', args, kwnames, ['a', 'version'], 0);
  seedWith(self as PyRandom, a ?? PyNone);
  return none();
};
m.random = (self, args) => {
  checkArity('random', args, 0, 0);
  return newFloat((self as PyRandom).b_mt.random());
};
m.getrandbits = (self, args) => {
  checkArity('getrandbits', args, 1, 1);
  const k = Number(indexValue(args[0]));
  if (k < 0) raise(Exc.ValueError, 'number of bits must be non-negative');
  return newInt((self as PyRandom).b_mt.getrandbits(k));
};
m._randbelow = (self, args) => {
  checkArity('_randbelow', args, 1, 1);
  return newInt((self as PyRandom).b_mt.randbelow(big(args[0])));
};

function randrange(r: PyRandom, start: PyObject, stop: PyObject | undefined, step: PyObject | undefined): bigint {
  const istart = big(start);
  const mt = r.b_mt;
  if (stop === undefined || stop === PyNone) {
    if (step !== undefined) raise(Exc.TypeError, 'Missing a non-None stop argument');
    if (istart > 0n) return mt.randbelow(istart);
    raise(Exc.ValueError, 'empty range for randrange()');
  }
  const istop = big(stop);
  const width = istop - istart;
  const istep = step === undefined ? 1n : big(step);
  if (istep === 1n) {
    if (width > 0n) return istart + mt.randbelow(width);
    raise(Exc.ValueError, `empty range in randrange(${reprString(start)}, ${reprString(stop)})`);
  }
  let n: bigint;
  const fdiv = (a: bigint, b: bigint): bigint => {
    const q = a / b;
    return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
  };
  if (istep > 0n) n = fdiv(width + istep - 1n, istep);
  else if (istep < 0n) n = fdiv(width + istep + 1n, istep);
  else raise(Exc.ValueError, 'zero step for randrange()');
  if (n <= 0n) raise(Exc.ValueError, `empty range in randrange(${reprString(start)}, ${reprString(stop)}, ${reprString(step!)})`);
  return istart + istep * mt.randbelow(n);
}
m.randrange = (self, args, kwnames) => {
  const [start, stop, step] = parseArgs('randrange', args, kwnames, ['start', 'stop', 'step'], 1);
  return newInt(randrange(self as PyRandom, start!, stop, step));
};
m.randint = (self, args, kwnames) => {
  const [a, b] = parseArgs('randint', args, kwnames, ['a', 'b'], 2);
  const bp1 = newInt(big(b!) + 1n);
  try {
    return newInt(randrange(self as PyRandom, a!, bp1, undefined));
  } finally {
    decref(bp1);
  }
};
m.choice = (self, args) => {
  checkArity('choice', args, 1, 1);
  const seq = args[0];
  const n = length(seq);
  if (n === 0) raise(Exc.IndexError, 'Cannot choose from an empty sequence');
  const i = newInt((self as PyRandom).b_mt.randbelow(BigInt(n)));
  try {
    return getItem(seq, i);
  } finally {
    decref(i);
  }
};
m.shuffle = (self, args) => {
  checkArity('shuffle', args, 1, 1);
  const x = args[0];
  const mt = (self as PyRandom).b_mt;
  for (let i = length(x) - 1; i >= 1; i--) {
    const j = Number(mt.randbelow(BigInt(i + 1)));
    const ii = newInt(i), jj = newInt(j);
    try {
      const xi = getItem(x, ii);
      const xj = getItem(x, jj);
      try {
        setItem(x, ii, xj);
        setItem(x, jj, xi);
      } finally {
        decref(xi);
        decref(xj);
      }
    } finally {
      decref(ii);
      decref(jj);
    }
  }
  return none();
};
m.uniform = (self, args) => {
  checkArity('uniform', args, 2, 2);
  const a = asDouble(args[0]), b = asDouble(args[1]);
  return newFloat(a + (b - a) * (self as PyRandom).b_mt.random());
};
m.sample = (self, args, kwnames) => {
  const [population, kObj, counts] = parseArgs('sample', args, kwnames, ['population', 'k', 'counts'], 2);
  if (counts !== undefined && counts !== PyNone) unsupported('random.sample(counts=…)');
  const pop = population!;
  if (pop instanceof PySet || pop instanceof PyDict || pop.type.mp_subscript === null || pop.type.mp_length === null) {
    raise(Exc.TypeError, 'Population must be a sequence.  For dicts or sets, use sorted(d).');
  }
  const n = length(pop);
  const k = Number(indexValue(kObj!));
  if (!(k >= 0 && k <= n)) raise(Exc.ValueError, 'Sample larger than population or is negative');
  const mt = (self as PyRandom).b_mt;
  let setsize = 21;
  // (_log(k * 3, 4): math.log with a base, the C library's log twice)
  if (k > 5) setsize += 4 ** Math.ceil(glibcLog(k * 3) / glibcLog(4));
  const result: PyObject[] = [];
  try {
    if (n <= setsize) {
      const pool = iterableToArray(pop);
      const owned = pool.slice();
      try {
        for (let i = 0; i < k; i++) {
          const j = Number(mt.randbelow(BigInt(n - i)));
          result.push(newref(pool[j]));
          pool[j] = pool[n - i - 1];
        }
      } finally {
        for (const x of owned) decref(x);
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = Number(mt.randbelow(BigInt(n)));
        while (selected.has(j)) j = Number(mt.randbelow(BigInt(n)));
        selected.add(j);
        const jj = newInt(j);
        try {
          result.push(getItem(pop, jj));
        } finally {
          decref(jj);
        }
      }
    }
  } catch (e) {
    for (const x of result) decref(x);
    throw e;
  }
  return newList(result);
};
m.choices = (self, args, kwnames) => {
  const [population, weights, cumW, kObj] = parseArgs('choices', args, kwnames, ['population', 'weights', 'cum_weights', 'k'], 1);
  const pop = population!;
  const n = length(pop);
  const k = kObj === undefined ? 1 : Number(indexValue(kObj));
  const mt = (self as PyRandom).b_mt;
  const pick = (i: number): PyObject => {
    const ii = newInt(i);
    try {
      return getItem(pop, ii);
    } finally {
      decref(ii);
    }
  };
  const out: PyObject[] = [];
  if ((cumW === undefined || cumW === PyNone) && (weights === undefined || weights === PyNone)) {
    for (let i = 0; i < k; i++) out.push(pick(Math.floor(mt.random() * n)));
    return newList(out);
  }
  let cum: number[];
  if (cumW === undefined || cumW === PyNone) {
    const ws = iterableToArray(weights!);
    cum = [];
    let acc = 0;
    for (const w of ws) {
      acc += asDouble(w);
      cum.push(acc);
      decref(w);
    }
  } else {
    if (weights !== undefined && weights !== PyNone) raise(Exc.TypeError, 'Cannot specify both weights and cumulative weights');
    const ws = iterableToArray(cumW);
    cum = ws.map((w) => asDouble(w));
    for (const w of ws) decref(w);
  }
  if (cum.length !== n) raise(Exc.ValueError, 'The number of weights does not match the population');
  const total = cum[n - 1] + 0.0;
  if (total <= 0.0) raise(Exc.ValueError, 'Total of weights must be greater than zero');
  if (!Number.isFinite(total)) raise(Exc.ValueError, 'Total of weights must be finite');
  const hi = n - 1;
  for (let i = 0; i < k; i++) {
    const x = mt.random() * total;
    let lo = 0, h = hi;
    while (lo < h) {
      const mid = (lo + h) >> 1;
      if (x < cum[mid]) h = mid;
      else lo = mid + 1;
    }
    out.push(pick(lo));
  }
  return newList(out);
};
RandomType.methods = m;

export function randomDef(): ModuleDef {
  let inst: PyObject | null = null;
  const bound = (name: string): BuiltinMethod => (_mod, args, kwnames) => m[name](inst!, args, kwnames);
  const functions: Record<string, BuiltinMethod> = {};
  for (const name of ['seed', 'random', 'getrandbits', 'randrange', 'randint', 'choice', 'shuffle', 'uniform', 'sample', 'choices']) {
    functions[name] = bound(name);
  }
  return {
    name: 'random',
    functions,
    attrs: () => {
      inst = RandomType.tp_new!(RandomType, [], null);
      return { Random: newref(RandomType), _inst: inst };
    },
  };
}

void PyTypeObject;
