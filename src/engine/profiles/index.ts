/** The active profile: set once at the start of each run. */
import type { Profile } from './profile.js';
import { py312 } from './py312.js';

export type { Profile };
export const profiles: Record<string, Profile> = { '3.12': py312 };

/** The active profile: a copy the run's profile is copied into (a const binding, read on hot paths). */
export const profile: Profile = { ...py312 };

export function setProfile(p: Profile): void {
  Object.assign(profile, p);
}
