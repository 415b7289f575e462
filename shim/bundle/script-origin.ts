/**
 * The browser bundles talk to the server that served them: the origin of the `<script>` being evaluated,
 * unless the page set `RESIGNAL_URL` before loading it. Read once, while the script runs (`currentScript`
 * is only set then).
 */
interface BrowserGlobals {
  RESIGNAL_URL?: unknown;
  document?: { currentScript?: { src?: unknown } | null };
}

export function scriptOriginEndpoint(): string | undefined {
  const g = globalThis as BrowserGlobals;
  if (typeof g.RESIGNAL_URL === 'string' && g.RESIGNAL_URL !== '') return undefined;
  const src = g.document?.currentScript?.src;
  if (typeof src !== 'string' || src === '') return undefined;
  try {
    const url = new URL(src);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
