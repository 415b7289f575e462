import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidAppId } from '../../protocol/ids.js';
import type { HttpRoute } from '../http.js';
import { isAuthorized } from './auth.js';
import { readJsonObject } from './body.js';
import type { Endpoint, RestDeps } from './context.js';
import { RestError, newRequestId, sendFailure, sendSuccess } from './errors.js';
import { channelEvents, userEvents } from './events.js';
import { HistoryQueries } from './history-queries.js';
import { countHistory, createHistoryQuery, fetchHistoryQuery } from './history.js';
import { channelMessages, peerMessages } from './messages.js';
import { memberCount, onlineStatus } from './presence.js';
import { RestRates } from './rate.js';

export const REST_PREFIX = '/dev/v2/project/';

const ENDPOINTS: readonly Endpoint[] = [
  peerMessages,
  channelMessages,
  createHistoryQuery,
  fetchHistoryQuery,
  countHistory,
  userEvents,
  channelEvents,
  onlineStatus,
  memberCount,
];

function match(endpoint: Endpoint, segments: readonly string[]): string[] | null {
  if (endpoint.pattern.length !== segments.length) return null;
  const params: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const expected = endpoint.pattern[i];
    const segment = segments[i] ?? '';
    if (expected === '*') params.push(segment);
    else if (expected !== segment) return null;
  }
  return params;
}

function decodeSegments(raw: string): string[] {
  try {
    return raw.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    throw new RestError(400, 'BAD_REQUEST', 'A path segment is not valid percent-encoding.');
  }
}

/**
 * The REST API of rtm-1x.md §9 under `/dev/v2/project/<appid>/…`: per-app authentication, then per-app rate
 * limits, then the endpoint. Every failure is `{"result":"failure","code":<wire code>,…}` with its HTTP status.
 */
export function restApiRoute(deps: RestDeps): HttpRoute {
  const rates = new RestRates(deps.options.restLimits, deps.options.now);
  const queries = new HistoryQueries(deps.options.restLimits.queryTtlMs, deps.options.now);
  // `restSecrets` first, then the `restSecret` of the app in the apps registry (file or `apps` option).
  const secretOf = (appId: string): string | undefined => deps.options.restSecrets.get(appId) ?? deps.options.apps?.get(appId)?.restSecret;

  const serve = async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> => {
    const [appId = '', ...segments] = decodeSegments(url.pathname.slice(REST_PREFIX.length));
    if (!isValidAppId(appId) || !isAuthorized(req, appId, secretOf)) {
      throw new RestError(401, 'UNAUTHORIZED', 'Authenticate with Authorization: Basic base64(<appId>:<REST secret>).');
    }
    let endpoint: Endpoint | undefined;
    let params: string[] | null = null;
    for (const candidate of ENDPOINTS) {
      params = match(candidate, segments);
      if (params) {
        endpoint = candidate;
        break;
      }
    }
    if (!endpoint || !params) throw new RestError(404, 'NOT_FOUND', `No REST endpoint at ${url.pathname}.`);
    if (endpoint.method !== req.method) throw new RestError(405, 'NOT_FOUND', `Use ${endpoint.method} for ${url.pathname}.`);
    if (!rates.take(appId, endpoint.rate)) throw new RestError(429, 'TOO_OFTEN', `Too many ${endpoint.rate} requests per second for this App ID.`);
    const body = await endpoint.run({
      appId,
      params,
      query: url.searchParams,
      req,
      deps,
      queries,
      body: () => readJsonObject(req, deps.options.restLimits.maxBodyBytes),
    });
    sendSuccess(res, requestId, body);
  };

  return {
    method: '*',
    path: new RegExp(`^${REST_PREFIX.replace(/\//g, '\\/')}`),
    async handle(req, res, ctx) {
      const requestId = newRequestId();
      try {
        await serve(req, res, ctx.url, requestId);
      } catch (error) {
        if (!(error instanceof RestError)) ctx.logger.error(`REST ${ctx.url.pathname} failed`, error);
        const failure = error instanceof RestError ? error : new RestError(500, 'INTERNAL', 'The server failed while handling the request.');
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const headers: Record<string, string> = {};
        if (failure.status === 401) headers['www-authenticate'] = 'Basic realm="resignal REST API"';
        // A body left unread (refused before reading, or cut off) cannot share the connection with a next request.
        if (!req.readableEnded) headers['connection'] = 'close';
        sendFailure(res, failure, requestId, headers);
        if (!req.readableEnded) req.resume();
      }
    },
  };
}
