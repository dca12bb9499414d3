import { describe, expect, it } from 'vitest';
import { trayIconBitmap, unreadDotBitmap } from './tray-icon.js';

/** [b, g, r, a] at (x, y). */
function pixel(bitmap: Buffer, size: number, x: number, y: number): number[] {
  const offset = (y * size + x) * 4;
  return [...bitmap.subarray(offset, offset + 4)];
}

describe('tray icon', () => {
  it('is a BGRA bitmap of the asked size with transparent corners and an opaque accent bubble', () => {
    const bitmap = trayIconBitmap(32, { unread: false });
    expect(bitmap.length).toBe(32 * 32 * 4);
    expect(pixel(bitmap, 32, 0, 0)[3]).toBe(0);
    // Inside the bubble, left of the lines: the accent indigo (r 79, g 70, b 229) stored as b, g, r, a.
    expect(pixel(bitmap, 32, 5, 14)).toEqual([229, 70, 79, 255]);
  });

  it('adds a red dot top right while something is unread', () => {
    const plain = trayIconBitmap(16, { unread: false });
    const unread = trayIconBitmap(16, { unread: true });
    expect(pixel(unread, 16, 12, 3)).toEqual([38, 38, 220, 255]);
    expect(pixel(plain, 16, 12, 3)).not.toEqual([38, 38, 220, 255]);
  });

  it('draws the Windows overlay dot: opaque red in the middle, transparent corners', () => {
    const dot = unreadDotBitmap(32);
    expect(pixel(dot, 32, 16, 16)).toEqual([38, 38, 220, 255]);
    expect(pixel(dot, 32, 0, 0)[3]).toBe(0);
  });
});
