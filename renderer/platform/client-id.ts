// Environment: browser. Ids this console makes up (new canned replies): random, and valid for clientIdSchema.
// getRandomValues works on plain http too (randomUUID needs a secure context).
export function newClientId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
