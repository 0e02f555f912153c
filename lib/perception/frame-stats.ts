/** Mean luma (Rec. 601), 0..1, of RGBA pixel data. */
export function meanLuma(rgba: Uint8ClampedArray): number {
  let sum = 0;
  const pixels = rgba.length / 4;
  for (let i = 0; i < rgba.length; i += 4) sum += 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
  return pixels > 0 ? sum / pixels / 255 : 0;
}

/** True when the picture is too dark for face tracking to be reliable. */
export function isTooDark(luma: number): boolean {
  return luma < 0.12;
}
