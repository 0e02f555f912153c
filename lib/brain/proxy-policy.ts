/**
 * Which endpoints the /api/chat proxy may forward to. Local model servers are called directly by
 * the browser; the proxy exists for cloud providers without CORS, so it refuses loopback and
 * private-network addresses (no server-side request forgery into the host's network).
 */
export function proxyTargetError(endpoint: string): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'The model server address is not a valid URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The model server address must start with http:// or https://.';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const privateHost =
    host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host === '0.0.0.0' || host === '::1' ||
    /^127\./.test(host) || /^10\./.test(host) || /^192\.168\./.test(host) || /^169\.254\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe80:/.test(host);
  if (privateHost) return 'Servers on this computer or your local network are called directly by the browser, not through the proxy.';
  return null;
}
