/**
 * A kiosk or a display is set up once with its device token in the address (`?branch=…&token=…`).
 * Once the screen has stored the token it takes it out of the address bar, so the token stays out
 * of the browser's history, bookmarks and the hall's view; a reload finds it in storage.
 */

/**
 * The address `href` without its `token` parameter (other parameters and the hash kept, as a path),
 * or null to leave it as it is: no token, or not the stored one, which a bare reload would lose.
 */
export function addressWithoutToken(href: string, storedToken: string | null): string | null {
  const url = new URL(href);
  const token = url.searchParams.get('token')?.trim();
  if (!token || token !== storedToken) return null;
  url.searchParams.delete('token');
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Takes the device token out of the page's address, in place (no new history entry), once it is stored. */
export function hideStoredTokenInAddress(storedToken: string | null): void {
  const address = addressWithoutToken(location.href, storedToken);
  if (address !== null) history.replaceState(history.state, '', address);
}
