/** The link behind the ticket's QR code: the customer's phone follows the ticket on the mobile page. */
import QRCode from 'qrcode';

/**
 * Absolute URL of the mobile ticket page for a ticket, e.g. https://bank.example/kiosk-ui/ticket.html?id=…
 * The branch's `publicUrl` (its address as a phone reaches it) is the base when set: a kiosk on an
 * intranet address must not print a link no phone can open. Otherwise the kiosk's own origin.
 */
export function mobileTicketUrl(ticketId: string, origin: string, publicUrl = ''): string {
  const base = publicUrl.trim() || origin;
  return `${base.replace(/\/+$/, '')}/kiosk-ui/ticket.html?id=${encodeURIComponent(ticketId)}`;
}

/** The QR code as an SVG data URL: an <img> that prints crisply on a thermal printer at any size. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  // Quartile error correction survives a smudged or creased paper ticket.
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'Q', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
