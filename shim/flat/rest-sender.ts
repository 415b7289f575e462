/**
 * A forced channel sender for `messageChannelSendForce`: resignal's REST API (`POST /dev/v2/project/<appId>/rtm/
 * users/<uid>/channel_messages`, docs/rest-api.md) sends as any user to any channel. It needs the app's REST
 * secret, which gives full control over the app: use it only where the secret is safe (a server-side Node app),
 * never in a browser page.
 */
import type { ForcedChannelSender } from './types.js';

export interface RestChannelSenderOptions {
  /** The server's HTTP base URL, e.g. `http://127.0.0.1:7070`. */
  url: string;
  /** The App ID's REST secret (`restSecret` in the server's apps file). */
  secret: string;
  /** Defaults to the global fetch (Node 20+, browsers). */
  fetch?: typeof fetch;
}

export function restChannelSender(options: RestChannelSenderOptions): ForcedChannelSender {
  const base = options.url.replace(/\/+$/, '');
  return async ({ appId, from, channelID, text }) => {
    const send = options.fetch ?? globalThis.fetch;
    const url = `${base}/dev/v2/project/${encodeURIComponent(appId)}/rtm/users/${encodeURIComponent(from)}/channel_messages`;
    const response = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.secret}` },
      body: JSON.stringify({ channel_name: channelID, payload: text }),
    });
    const body = (await response.json().catch(() => ({}))) as { result?: unknown; code?: unknown; message?: unknown };
    if (!response.ok || body.result !== 'success') {
      const detail = [body.code, body.message].filter((part): part is string => typeof part === 'string').join(' ');
      throw new Error(`REST channel message failed: HTTP ${response.status} ${detail}`.trim());
    }
  };
}
