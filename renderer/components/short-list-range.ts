// Environment: browser. A range extractor for @tanstack/react-virtual that draws every row of a short list and
// only the rows in and near view of a long one: short lists keep every row in the DOM (find-in-page, screen
// readers, anything reading the whole list), long ones stay cheap.
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';

/** Lists up to this many rows are drawn whole. */
export const WHOLE_LIST_MAX_ROWS = 200;

export function shortListRange(range: Range): number[] {
  if (range.count <= WHOLE_LIST_MAX_ROWS) return Array.from({ length: range.count }, (_, index) => index);
  return defaultRangeExtractor(range);
}
