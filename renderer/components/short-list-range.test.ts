import { describe, expect, it } from 'vitest';
import { shortListRange, WHOLE_LIST_MAX_ROWS } from './short-list-range.js';

describe('shortListRange', () => {
  it('draws every row of a short list, whatever is in view', () => {
    expect(shortListRange({ startIndex: 3, endIndex: 4, overscan: 1, count: 10 })).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('draws only the rows in view and the overscan of a long list', () => {
    const count = WHOLE_LIST_MAX_ROWS + 1000;
    expect(shortListRange({ startIndex: 500, endIndex: 510, overscan: 2, count })).toEqual([
      498, 499, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 512,
    ]);
  });
});
