// Environment: any (fuzz tests). Arbitraries for bad input: hostile strings, deep nesting, and mutations of a
// VALID value (drop a field, change a type, oversize a string, wrap in an array, add hostile keys), which reach
// deeper into a handler than random JSON does.
import fc from 'fast-check';

const HUGE = 70_000;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '../../etc/passwd',
    '%00',
    '%',
    '%zz',
    '\uD800',
    '\uFFFF',
    '\u202Eevil',
    '🙂'.repeat(50),
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    'NaN',
    '-1',
    '1e308',
    'null',
    '{}',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 3 }).map((n) => 'x'.repeat(HUGE * (n + 1))),
);

/** An array or object nested up to `maxDepth` levels. */
export function nestedUpTo(maxDepth: number): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 50, max: maxDepth }), fc.boolean()).map(([depth, arrays]) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level++) value = arrays ? [value] : { a: value };
    // fast-check's reporter would recurse through every level: it prints this summary instead.
    Object.defineProperty(value, fc.toStringMethod, {
      value: () => `<${depth} nested ${arrays ? 'arrays' : 'objects'}>`,
      enumerable: false,
    });
    return value;
  });
}

export const deeplyNested = nestedUpTo(5000);
/** socket.io's client encoder overflows its stack past about 4,000 levels: socket payloads stay below. */
export const socketNested = nestedUpTo(3000);

export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }),
  hostileString,
  socketNested,
  fc.constantFrom(null, true, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, [], {}, [{}], 'x'),
);

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

/** A deep copy with `update` applied at `path` (`update` returns undefined to drop the field). */
function updatedAt(value: unknown, path: Path, update: (current: unknown) => unknown): unknown {
  if (path.length === 0) return update(value);
  // An earlier mutation replaced this branch: the path no longer exists.
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = updatedAt(copy[head as number], rest, update);
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const next = updatedAt(copy[head as string], rest, update);
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** Sets an own property even for `__proto__` (plain assignment would change the prototype instead). */
function withOwnKey(target: unknown, key: string, item: unknown): unknown {
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return target;
  const copy = { ...(target as Record<string, unknown>) };
  Object.defineProperty(copy, key, { value: item, enumerable: true, configurable: true, writable: true });
  return copy;
}

type Mutation = 'drop' | 'retype' | 'oversize' | 'wrap' | 'extra' | 'null';

/** One to three mutations of `valid` at random places. */
export function mutationsOf(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const oneMutation = fc.tuple(
    fc.nat(),
    fc.constantFrom<Mutation>('drop', 'retype', 'oversize', 'wrap', 'extra', 'null'),
    anyValue,
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', '\u0000', ''),
  );
  return fc.array(oneMutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
    let value = valid;
    for (const [index, mutation, replacement, key] of mutations) {
      const path = paths[index % paths.length] ?? [];
      value = updatedAt(value, path, (current) => {
        switch (mutation) {
          case 'drop':
            return path.length === 0 ? {} : undefined;
          case 'retype':
            return replacement;
          case 'oversize':
            return typeof current === 'string' ? current + 'x'.repeat(HUGE) : 'x'.repeat(HUGE);
          case 'wrap':
            return [current];
          case 'extra':
            return withOwnKey(current, key, replacement);
          case 'null':
            return null;
        }
      });
    }
    return value;
  });
}

/** A value serialized as a body; values JSON can't hold (undefined, cycles) become a malformed body instead. */
export function asJsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return '{"unserializable":';
  }
}

export const malformedJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '}',
    '[',
    '{"a":}',
    '{"a":1,}',
    "{'a':1}",
    'nul',
    'NaN',
    '\u0000',
    '{"__proto__":{"x":1}}',
  ),
  fc.constantFrom(
    '{"constructor":{"prototype":{"x":1}}}',
    '[1,2',
    '"unterminated',
    '{"a":"\\ud800"}',
    '\uFEFF{}',
  ),
  fc.string({ maxLength: 60 }),
  fc.nat({ max: 2 }).map((n) => '['.repeat(2000 * (n + 1))),
);
