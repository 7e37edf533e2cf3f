/**
 * Finding and running the real CPython interpreters that every expected output
 * in this repository comes from (conformance recordings, chapter recordings).
 *
 * Interpreters are found as `$(pyenv root)/versions/3.12.*\/bin/python3`; override with
 * the environment variables PYTHON311, PYTHON312, PYTHON313 (path to an interpreter).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const VERSIONS = ['3.11', '3.12', '3.13'] as const;
export type Version = (typeof VERSIONS)[number];

function pyenvRoot(): string {
  try {
    return execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
  } catch {
    return join(homedir(), '.pyenv');
  }
}

/** The interpreter for `version`, or undefined when this machine has none. */
export function findPython(version: Version): string | undefined {
  const variable = `PYTHON${version.replace('.', '')}`;
  const override = process.env[variable];
  if (override) {
    if (!existsSync(override)) throw new Error(`${variable}=${override} does not exist`);
    return override;
  }
  const versionsDir = join(pyenvRoot(), 'versions');
  if (!existsSync(versionsDir)) return undefined;
  const candidates = readdirSync(versionsDir)
    .filter((name) => new RegExp(`^${version.replace('.', '\\.')}\\.\\d+$`).test(name))
    .sort((a, b) => Number(b.split('.')[2]) - Number(a.split('.')[2]));
  for (const name of candidates) {
    const exe = join(versionsDir, name, 'bin', 'python3');
    if (existsSync(exe)) return exe;
  }
  return undefined;
}

/** "3.12.1" */
export function actualVersion(exe: string): string {
  return execFileSync(exe, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
    encoding: 'utf8',
  }).trim();
}

/**
 * A minimal, fixed environment: no user site customisation leaks into a
 * recording, string hashing is reproducible, output is UTF-8.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    PYTHONHASHSEED: '0',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
  };
}
