// Environment: Node (hub). GET /api/events' `filter`, in Klaviyo's syntax: expressions such as
// equals(metric_id,"WwY7Gb"), equals(profile_id,"01H…"), greater-or-equal(datetime,2024-10-01T00:00:00Z)
// (also greater-than, less-than, less-or-equal; on `timestamp` too), combined with commas or and(…) (AND).
import { z } from 'zod';
import type { TimeBound } from '../store/klaviyo-store.js';

export class FilterError extends Error {}

export interface EventFilter {
  metricIds: string[];
  profileIds: string[];
  timeBounds: TimeBound[];
}

export type FilterArgument =
  | { kind: 'call'; op: string; args: FilterArgument[]; text: string }
  | { kind: 'string'; value: string; text: string }
  | { kind: 'bare'; value: string; text: string };

export const SUPPORTED_EVENT_FILTERS =
  'equals(metric_id,"…"), equals(profile_id,"…"), and greater-than, greater-or-equal, less-than or ' +
  'less-or-equal on datetime or timestamp, combined with commas or and(…)';

const COMPARISONS: Record<string, TimeBound['op']> = {
  'greater-than': '>',
  'greater-or-equal': '>=',
  'less-than': '<',
  'less-or-equal': '<=',
};

/** Longest filter accepted: a bound on parsing work. */
const MAX_FILTER_LENGTH = 2000;

class Parser {
  private index = 0;
  constructor(private readonly text: string) {}

  parseList(): FilterArgument[] {
    const items: FilterArgument[] = [];
    for (;;) {
      items.push(this.parseArgument());
      this.skipSpace();
      if (this.index >= this.text.length) return items;
      this.expect(',');
    }
  }

  private parseArgument(): FilterArgument {
    this.skipSpace();
    const start = this.index;
    if (this.text[this.index] === '"') return this.parseString(start);
    if (this.text[this.index] === '[') return this.parseListValue(start);
    const token = /^[^,()"]*/.exec(this.text.slice(this.index))?.[0] ?? '';
    this.index += token.length;
    const name = token.trim();
    if (this.text[this.index] === '(' && /^[a-z-]+$/.test(name)) {
      this.index += 1;
      const args: FilterArgument[] = [];
      this.skipSpace();
      if (this.text[this.index] !== ')') {
        for (;;) {
          args.push(this.parseArgument());
          this.skipSpace();
          if (this.text[this.index] === ')') break;
          this.expect(',');
        }
      }
      this.index += 1;
      return { kind: 'call', op: name, args, text: this.text.slice(start, this.index).trim() };
    }
    if (name === '') throw new FilterError(`Invalid filter: expected a value at character ${start + 1}.`);
    return { kind: 'bare', value: name, text: name };
  }

  /** A list value (`any(metric_id,["a","b"])`): kept as its text, for naming it in an error. */
  private parseListValue(start: number): FilterArgument {
    let inString = false;
    while (this.index < this.text.length) {
      const char = this.text[this.index];
      if (char === '\\' && inString) this.index += 1;
      else if (char === '"') inString = !inString;
      else if (char === ']' && !inString) break;
      this.index += 1;
    }
    if (this.text[this.index] !== ']') throw new FilterError('Invalid filter: a list is not closed.');
    this.index += 1;
    const text = this.text.slice(start, this.index);
    return { kind: 'bare', value: text, text };
  }

  private parseString(start: number): FilterArgument {
    this.index += 1;
    let value = '';
    while (this.index < this.text.length && this.text[this.index] !== '"') {
      if (this.text[this.index] === '\\' && this.index + 1 < this.text.length) this.index += 1;
      value += this.text[this.index];
      this.index += 1;
    }
    if (this.text[this.index] !== '"') throw new FilterError('Invalid filter: a string is not closed.');
    this.index += 1;
    return { kind: 'string', value, text: this.text.slice(start, this.index) };
  }

  private expect(char: string): void {
    if (this.text[this.index] !== char) {
      const found = this.index < this.text.length ? `"${this.text[this.index]}"` : 'the end';
      throw new FilterError(
        `Invalid filter: expected "${char}" at character ${this.index + 1}, found ${found}.`,
      );
    }
    this.index += 1;
  }

  private skipSpace(): void {
    while (this.text[this.index] === ' ') this.index += 1;
  }
}

const isoDateTime = z.iso.datetime({ offset: true, local: true });

/** An ISO 8601 date-time or date (or, for `timestamp`, epoch seconds) as the hub's UTC ISO string. */
function timeOf(argument: Exclude<FilterArgument, { kind: 'call' }>, field: string): string | null {
  const raw = argument.value
    // An unencoded "+" in a query string arrives as a space: "…:57 00:00" is "…:57+00:00".
    .replace(/(\d{2}:\d{2}:\d{2}(?:\.\d+)?) (\d{2}:?\d{2})$/, '$1+$2')
    // Klaviyo's own `datetime` has a space between date and time.
    .replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T');
  if (field === 'timestamp' && argument.kind === 'bare' && /^\d{1,12}$/.test(raw)) {
    return new Date(Number(raw) * 1000).toISOString();
  }
  const dateTime = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00` : raw;
  if (!isoDateTime.safeParse(dateTime).success) return null;
  // Without an offset a time is UTC.
  const ms = Date.parse(/(Z|[+-]\d{2}(:?\d{2})?)$/.test(dateTime) ? dateTime : `${dateTime}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The expressions of a filter in Klaviyo's syntax (its top-level, comma-separated list). */
export function parseFilter(filter: string): FilterArgument[] {
  if (filter.length > MAX_FILTER_LENGTH) {
    throw new FilterError(`Invalid filter: longer than ${MAX_FILTER_LENGTH} characters.`);
  }
  return new Parser(filter).parseList();
}

/** Parses GET /api/events' `filter`; FilterError names what is wrong or unsupported. */
export function parseEventFilter(filter: string): EventFilter {
  const result: EventFilter = { metricIds: [], profileIds: [], timeBounds: [] };
  const unsupported: string[] = [];
  const invalidValues: string[] = [];
  const visit = (expression: FilterArgument) => {
    if (expression.kind !== 'call') {
      unsupported.push(expression.text);
      return;
    }
    const [fieldArgument, valueArgument, ...extra] = expression.args;
    if (expression.op === 'and') {
      expression.args.forEach(visit);
      return;
    }
    const field = fieldArgument?.kind === 'bare' ? fieldArgument.value : null;
    if (!field || !valueArgument || valueArgument.kind === 'call' || extra.length > 0) {
      unsupported.push(expression.text);
      return;
    }
    if (expression.op === 'equals' && (field === 'metric_id' || field === 'profile_id')) {
      if (valueArgument.kind !== 'string') {
        invalidValues.push(`${expression.text} (the id is a quoted string)`);
        return;
      }
      (field === 'metric_id' ? result.metricIds : result.profileIds).push(valueArgument.value);
      return;
    }
    const op = COMPARISONS[expression.op];
    if (op && (field === 'datetime' || field === 'timestamp')) {
      const time = timeOf(valueArgument, field);
      if (time === null) {
        invalidValues.push(`${expression.text} (expected an ISO 8601 date-time)`);
        return;
      }
      result.timeBounds.push({ op, time });
      return;
    }
    unsupported.push(expression.text);
  };
  parseFilter(filter).forEach(visit);
  if (unsupported.length > 0) {
    throw new FilterError(
      `Unsupported filter: ${unsupported.join(', ')}. Supported: ${SUPPORTED_EVENT_FILTERS}.`,
    );
  }
  if (invalidValues.length > 0) throw new FilterError(`Invalid filter value: ${invalidValues.join(', ')}.`);
  return result;
}
