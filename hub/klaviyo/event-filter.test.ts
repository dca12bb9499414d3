// Klaviyo's filter syntax as GET /api/events reads it: what is supported, how dates are read, and errors
// that name what is wrong.
import { describe, expect, it } from 'vitest';
import { FilterError, parseEventFilter } from './event-filter.js';

describe('parseEventFilter', () => {
  it('reads equals on metric and profile ids and date-time bounds, combined with commas or and()', () => {
    expect(
      parseEventFilter(
        'equals(metric_id,"WwY7Gb"), and(equals(profile_id,"01H\\"X"),greater-or-equal(datetime,2024-10-01T00:00:00Z))',
      ),
    ).toEqual({
      metricIds: ['WwY7Gb'],
      profileIds: ['01H"X'],
      timeBounds: [{ op: '>=', time: '2024-10-01T00:00:00.000Z' }],
    });
  });

  it('reads dates, offsets (also a "+" lost to URL decoding), Klaviyo’s own datetime form and epoch seconds', () => {
    const bound = (filter: string) => parseEventFilter(filter).timeBounds[0]?.time;
    expect(bound('less-than(datetime,2024-10-01)')).toBe('2024-10-01T00:00:00.000Z');
    expect(bound('less-than(datetime,2024-10-01T02:00:00+02:00)')).toBe('2024-10-01T00:00:00.000Z');
    expect(bound('less-than(datetime,2024-10-01T02:00:00 02:00)')).toBe('2024-10-01T00:00:00.000Z');
    expect(bound('less-than(datetime,2024-10-01 00:00:00+00:00)')).toBe('2024-10-01T00:00:00.000Z');
    expect(bound('less-than(datetime,"2024-10-01T00:00:00")')).toBe('2024-10-01T00:00:00.000Z');
    expect(bound('greater-than(timestamp,1727740800)')).toBe('2024-10-01T00:00:00.000Z');
  });

  it('names every unsupported expression, bad value and syntax error', () => {
    const message = (filter: string) => {
      try {
        parseEventFilter(filter);
      } catch (error) {
        expect(error).toBeInstanceOf(FilterError);
        return (error as Error).message;
      }
      throw new Error(`${filter} was accepted`);
    };
    expect(message('equals(email,"a"),any(metric_id,["a"]),equals(metric_id,"b")')).toMatch(
      /^Unsupported filter: equals\(email,"a"\), any\(metric_id,\["a"\]\)\. Supported:/,
    );
    expect(message('less-than(datetime,tomorrow)')).toMatch(/Invalid filter value: .*ISO 8601/);
    expect(message('equals(metric_id,WwY7Gb)')).toMatch(/quoted string/);
    expect(message('equals(metric_id,"open')).toMatch(/not closed/);
    expect(message('equals(metric_id,"a")x')).toMatch(/expected ","/);
    expect(message('x'.repeat(2001))).toMatch(/longer than 2000/);
  });
});
