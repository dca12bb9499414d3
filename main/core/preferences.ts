// Environment: Node. This machine's preferences (language, notifications, sound), kept in the cache apart from
// the account's data, so they survive signing out and another agent signing in on the same machine.
import { DEFAULT_PREFERENCES, preferencesSchema, type Preferences } from '../../shared/desk-api.js';
import type { DeskCache } from './cache.js';

const PREFERENCES_KEY = 'preferences';

export function readPreferences(cache: DeskCache): Preferences {
  return cache.devicePreference(PREFERENCES_KEY, preferencesSchema) ?? DEFAULT_PREFERENCES;
}

/** Merges the patch into what is stored and returns the result. */
export function updatePreferences(cache: DeskCache, patch: Partial<Preferences>): Preferences {
  const merged = preferencesSchema.parse({ ...readPreferences(cache), ...definedOnly(patch) });
  cache.setDevicePreference(PREFERENCES_KEY, merged);
  return merged;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
