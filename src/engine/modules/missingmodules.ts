/**
 * What an import of a module the simulator lacks raises: a clear "not
 * supported" for a standard-library module CPython has, else CPython's
 * ModuleNotFoundError. Part of the import statements' on-demand part
 * (ondemand.ts), so the list stays out of the worker's first download.
 */

import { raise, unsupported } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';

/** Standard-library modules CPython has and the simulator does not (yet). */
const STDLIB = new Set(
  ('abc argparse array ast asyncio base64 bisect builtins calendar cmath csv ' +
    'ctypes dataclasses datetime decimal difflib enum fractions glob hashlib heapq html http ' +
    'importlib io json logging multiprocessing os pathlib pickle platform ' +
    'pprint queue re secrets shutil signal socket sqlite3 statistics string struct subprocess tempfile ' +
    'textwrap threading timeit tracemalloc types typing unittest urllib uuid warnings zlib array dis ' +
    'numbers concurrent resource mmap codecs locale').split(' '),
);

function missingModule(name: string): never {
  if (STDLIB.has(name.split('.')[0])) unsupported(`the '${name}' module`);
  raise(Exc.ModuleNotFoundError, `No module named '${name}'`);
}

export const missingModules = { missingModule };
