// Environment: Node (hub). Ids shaped like Klaviyo's: a metric's is 6 letters and digits ("WwY7Gb"), a
// profile's a 26-character ULID ("01H64RPM2KR4VDGBWQHFVT6032": time first, so ids sort by creation).
import { randomInt } from 'node:crypto';

const METRIC_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Crockford's base32, as ULIDs use it (no I, L, O, U). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomChars(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function newMetricId(): string {
  return randomChars(METRIC_ID_ALPHABET, 6);
}

/** A ULID for `epochMs`: 10 characters of time, 16 random. */
export function newProfileId(epochMs: number): string {
  let time = '';
  let rest = Math.max(0, Math.floor(epochMs));
  for (let i = 0; i < 10; i += 1) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  return time + randomChars(CROCKFORD, 16);
}
