// Environment: Node (free of Electron). The tray icon, drawn in code so the app ships no image files: a chat
// bubble in the console's accent colour, with a red dot while something is unread. Raw BGRA pixels, as Electron's
// nativeImage.createFromBitmap expects.

type Rgba = readonly [number, number, number, number];
const ACCENT: Rgba = [79, 70, 229, 255]; // indigo, the console's accent
const LINE: Rgba = [255, 255, 255, 255];
const DOT: Rgba = [220, 38, 38, 255];
const SUBSAMPLES = 4; // per axis: smooth edges without an image library

/** A square icon `size` pixels wide (16 or 32 for trays), as BGRA bytes. */
export function trayIconBitmap(size: number, options: { unread: boolean }): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const unit = size / 16; // shapes are designed on a 16×16 grid
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let color: [number, number, number, number] = [0, 0, 0, 0];
      for (const [shape, paint] of layers(options.unread)) {
        const coverage = coverageOf(shape, x, y, unit);
        if (coverage > 0) color = over(color, paint, coverage);
      }
      const offset = (y * size + x) * 4;
      pixels[offset] = color[2];
      pixels[offset + 1] = color[1];
      pixels[offset + 2] = color[0];
      pixels[offset + 3] = color[3];
    }
  }
  return pixels;
}

/** Whether the point (on the 16×16 grid) is inside the shape. */
type Shape = (x: number, y: number) => boolean;

function layers(unread: boolean): [Shape, Rgba][] {
  const dotCentre = [12.5, 3.5] as const;
  const nearDot = (x: number, y: number, radius: number) =>
    (x - dotCentre[0]) ** 2 + (y - dotCentre[1]) ** 2 <= radius ** 2;
  const tail: Shape = (x, y) => x >= 3 && y >= 10 && y <= 14.5 && x - 3 <= (14.5 - y) * 1.1;
  // While unread, a transparent ring is cut around the dot so it reads at 16 px.
  const bubble: Shape = (x, y) =>
    (insideRoundedRect(x, y, 1, 2, 14, 11, 3) || tail(x, y)) && !(unread && nearDot(x, y, 4.3));
  const lines: Shape = (x, y) =>
    ((x >= 4 && x <= 11 && y >= 5 && y <= 6.5) || (x >= 4 && x <= 9 && y >= 8 && y <= 9.5)) &&
    !(unread && nearDot(x, y, 4.3));
  const dot: Shape = (x, y) => nearDot(x, y, 3.3);
  const base: [Shape, Rgba][] = [
    [bubble, ACCENT],
    [lines, LINE],
  ];
  return unread ? [...base, [dot, DOT]] : base;
}

function insideRoundedRect(
  x: number,
  y: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
  radius: number,
) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function coverageOf(shape: Shape, px: number, py: number, unit: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUBSAMPLES; sy++) {
    for (let sx = 0; sx < SUBSAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SUBSAMPLES) / unit;
      const y = (py + (sy + 0.5) / SUBSAMPLES) / unit;
      if (shape(x, y)) inside++;
    }
  }
  return inside / (SUBSAMPLES * SUBSAMPLES);
}

/** Paints `paint` at `coverage` over `base` (straight alpha). */
function over(
  base: [number, number, number, number],
  paint: Rgba,
  coverage: number,
): [number, number, number, number] {
  const alpha = (paint[3] / 255) * coverage;
  const baseAlpha = base[3] / 255;
  const outAlpha = alpha + baseAlpha * (1 - alpha);
  if (outAlpha === 0) return [0, 0, 0, 0];
  const mix = (i: 0 | 1 | 2) => Math.round((paint[i] * alpha + base[i] * baseAlpha * (1 - alpha)) / outAlpha);
  return [mix(0), mix(1), mix(2), Math.round(outAlpha * 255)];
}

/** Just the red dot, for the Windows taskbar overlay (Windows has no numeric app badge). */
export function unreadDotBitmap(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const unit = size / 16;
  const dot: Shape = (x, y) => (x - 8) ** 2 + (y - 8) ** 2 <= 7 ** 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const coverage = coverageOf(dot, x, y, unit);
      const offset = (y * size + x) * 4;
      pixels[offset] = DOT[2];
      pixels[offset + 1] = DOT[1];
      pixels[offset + 2] = DOT[0];
      pixels[offset + 3] = Math.round(255 * coverage);
    }
  }
  return pixels;
}
