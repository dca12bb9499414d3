// Environment: Node (hub). The JSON:API query parameters of the events API (`filter`, `sort`, `page[cursor]`,
// `page[size]`, `include`, `fields[…]`): each at most once, unknown ones refused, lists comma-separated.
import type { KlaviyoError } from '../../shared/klaviyo-api.js';
import { MAX_PAGE_SIZE } from '../../shared/klaviyo-api.js';
import { klaviyoError } from './klaviyo-errors.js';

export class QueryParamError extends Error {
  constructor(
    readonly parameter: string,
    detail: string,
  ) {
    super(detail);
  }

  toKlaviyoError(): KlaviyoError {
    return klaviyoError(400, 'invalid', this.message, { parameter: this.parameter });
  }
}

export class QueryParams {
  private readonly values: Record<string, string>;

  constructor(raw: unknown, allowed: readonly string[]) {
    const entries = Object.entries((raw ?? {}) as Record<string, unknown>);
    for (const [name, value] of entries) {
      if (!allowed.includes(name)) {
        throw new QueryParamError(
          name,
          `'${name}' is not a valid parameter here. Valid: ${allowed.join(', ')}.`,
        );
      }
      if (typeof value !== 'string') throw new QueryParamError(name, `'${name}' may be given once.`);
    }
    this.values = Object.fromEntries(entries) as Record<string, string>;
  }

  get(name: string): string | undefined {
    return this.values[name];
  }

  /** A comma-separated list whose items are all in `choices`. */
  list(name: string, choices: readonly string[]): string[] | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    const items = value.split(',').map((item) => item.trim());
    const unknown = items.filter((item) => !choices.includes(item));
    if (unknown.length > 0) {
      throw new QueryParamError(
        name,
        `'${unknown.join("', '")}' ${unknown.length === 1 ? 'is' : 'are'} not valid in ${name}. Valid: ${choices.join(', ')}.`,
      );
    }
    return items;
  }

  /** `page[size]`: 1 to 200, default 200. */
  pageSize(): number {
    const value = this.values['page[size]'];
    if (value === undefined) return MAX_PAGE_SIZE;
    const size = Number(value);
    if (!/^\d+$/.test(value) || size < 1 || size > MAX_PAGE_SIZE) {
      throw new QueryParamError(
        'page[size]',
        `page[size] must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
      );
    }
    return size;
  }
}
