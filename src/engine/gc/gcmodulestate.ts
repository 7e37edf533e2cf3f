/**
 * What the collector needs from the gc module from start-up, whether or not
 * a program imports gc (modules/gcmodule.ts, loaded on demand): tuples and
 * dicts untracked when they hold no containers (untrack_tuples,
 * untrack_dicts). gc.garbage and gc.callbacks, which the collector appends
 * to and calls, can only be in use once the gc module was imported
 * (gc.set_debug(gc.DEBUG_SAVEALL), gc.callbacks.append): the module installs
 * the collector's hooks for them.
 * CPython counterpart: Modules/gcmodule.c (3.12.1).
 */
import { setUntrackHooks } from './gc.js';
import { TupleType, tupleMaybeUntrack } from '../objects/tupleobject.js';
import { DictType, dictMaybeUntrack } from '../objects/dictobject.js';

setUntrackHooks(TupleType, tupleMaybeUntrack, DictType, dictMaybeUntrack);
