/**
 * A CPython version profile: every number and behaviour that differs between
 * the CPython versions the simulator models lives here, not in scattered `if`s.
 */

export interface Profile {
  /** '3.12' */
  version: '3.11' | '3.12' | '3.13';
  /** sys.version_info */
  versionInfo: [number, number, number];
  /**
   * What sys.getrefcount reports for an immortal object (3.12+: 4294967295),
   * or null when the version has no immortal objects (3.11).
   */
  immortalRefcount: number | null;
  /** are interned strings immortal? (3.12: yes; 3.13: no — they are counted again) */
  internedStringsImmortal: boolean;
  /** gc.get_threshold() */
  gcThresholds: [number, number, number];
  /** sizeof(PyGC_Head) */
  gcHeaderSize: number;
  /** bytes before an instance of a class with a managed __dict__/__weakref__ */
  managedPreheaderSize: number;
  /**
   * One-character strings that CPython keeps as statically allocated
   * identifiers (_Py_ID) apart from the latin-1 singletons: a literal 'a'
   * is then not `chr(97)` (3.12: "_abcdenprsx", measured; 3.13: none)
   */
  staticIdentifierChars: string;
  /** sys.getrecursionlimit() */
  recursionLimit: number;
}
