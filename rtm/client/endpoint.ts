import { WS_PATH } from '../protocol/index.js';

const FALLBACK_URL = 'http://127.0.0.1:7070';

interface MaybeBrowserGlobals {
  RESIGNAL_URL?: unknown;
  location?: { origin?: string; protocol?: string };
  process?: { env?: Record<string, string | undefined> };
}

/**
 * The server's base URL, in order: the `endpoint` passed to createInstance, `globalThis.RESIGNAL_URL`,
 * the `RESIGNAL_URL` environment variable (Node), the page's own origin (browser), then http://127.0.0.1:7070.
 */
export function resolveBaseUrls(explicit?: string | readonly string[]): string[] {
  if (explicit !== undefined) return typeof explicit === 'string' ? [explicit] : [...explicit];
  const g = globalThis as MaybeBrowserGlobals;
  if (typeof g.RESIGNAL_URL === 'string' && g.RESIGNAL_URL !== '') return g.RESIGNAL_URL.split(',').map((s) => s.trim());
  const fromEnv = g.process?.env?.['RESIGNAL_URL'];
  if (fromEnv) return fromEnv.split(',').map((s) => s.trim());
  const location = g.location;
  if (location?.origin && (location.protocol === 'http:' || location.protocol === 'https:')) return [location.origin];
  return [FALLBACK_URL];
}

/** http(s)://host[:port][/base] → ws(s)://host[:port][/base]/rtm. A ws(s) URL is taken as the full socket URL. */
export function toWebSocketUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return url.toString();
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`Unsupported endpoint protocol: ${url.protocol}`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = url.pathname.replace(/\/+$/, '') + WS_PATH;
  return url.toString();
}

/** ws(s)://host[:port][/base]/rtm → http(s)://host[:port][/base]: the server's HTTP side (media transfers). */
export function toHttpBaseUrl(webSocketUrl: string): string {
  const url = new URL(webSocketUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  if (url.pathname.endsWith(WS_PATH)) url.pathname = url.pathname.slice(0, -WS_PATH.length);
  url.search = '';
  return url.toString().replace(/\/+$/, '');
}
