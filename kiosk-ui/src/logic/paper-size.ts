/**
 * The printed ticket's paper size. Thermal printers take 80 mm rolls; the length should match the
 * ticket so the cutter cuts right below it. CSS `size: 80mm auto` would say that, but Chromium drops
 * a size with `auto` in it, so the kiosk measures the ticket and writes the exact length. Pure.
 */

export const ROLL_WIDTH_MM = 80;
/** Used until a ticket has been measured: about the length of a ticket with a QR code. */
export const DEFAULT_TICKET_LENGTH_MM = 150;
const MM_PER_CSS_PX = 25.4 / 96;

/** Paper length for a ticket whose content is `heightPx` CSS pixels tall, rounded up to whole millimetres. */
export function paperLengthMm(heightPx: number): number {
  if (!Number.isFinite(heightPx) || heightPx <= 0) return DEFAULT_TICKET_LENGTH_MM;
  return Math.ceil(heightPx * MM_PER_CSS_PX);
}

/** The @page rule for a roll ticket of `lengthMm`. */
export function pageRule(lengthMm: number): string {
  return `@page { size: ${ROLL_WIDTH_MM}mm ${lengthMm}mm; margin: 0; }`;
}
