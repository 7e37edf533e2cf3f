/** CPython 3.12 (the default profile). */
import type { Profile } from './profile.js';

export const py312: Profile = {
  version: '3.12',
  versionInfo: [3, 12, 1],
  immortalRefcount: 4294967295,
  internedStringsImmortal: true,
  gcThresholds: [700, 10, 10],
  gcHeaderSize: 16,
  managedPreheaderSize: 16,
  staticIdentifierChars: '_abcdenprsx',
  recursionLimit: 1000,
};
