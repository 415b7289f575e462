import type { HistoryFilter } from '../storage/types.js';
import type { Endpoint } from './context.js';
import { RestError, badRequest } from './errors.js';
import { isoTime, optionalId } from './fields.js';

const LIMITS_ALLOWED = new Set([20, 50, 100]);

function filterOf(appId: string, source: unknown, destination: unknown, start: unknown, end: unknown): HistoryFilter {
  const filter: HistoryFilter = { appId, startMs: isoTime(start, 'start_time'), endMs: isoTime(end, 'end_time') };
  const src = optionalId(source, 'source');
  const dst = optionalId(destination, 'destination');
  if (src === undefined && dst === undefined) throw badRequest('INVALID_ARGUMENT', 'Give a source, a destination, or both.');
  if (filter.endMs <= filter.startMs) throw badRequest('INVALID_ARGUMENT', '"end_time" must be after "start_time".');
  if (src !== undefined) filter.source = src;
  if (dst !== undefined) filter.destination = dst;
  return filter;
}

/** §9.3 step 1: `POST /rtm/message/history/query`, answered at once; the result waits behind `location`. */
export const createHistoryQuery: Endpoint = {
  method: 'POST',
  pattern: ['rtm', 'message', 'history', 'query'],
  rate: 'history',
  async run(call) {
    const body = await call.body();
    const raw = body['filter'];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('INVALID_ARGUMENT', '"filter" must be an object.');
    const f = raw as Record<string, unknown>;
    const filter = filterOf(call.appId, f['source'], f['destination'], f['start_time'], f['end_time']);
    const offset = body['offset'] ?? 0;
    const limit = body['limit'] ?? 20;
    const order = body['order'] ?? 'asc';
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) throw badRequest('INVALID_ARGUMENT', '"offset" must be a non-negative integer.');
    if (typeof limit !== 'number' || !LIMITS_ALLOWED.has(limit)) throw badRequest('INVALID_ARGUMENT', '"limit" must be 20, 50 or 100.');
    if (order !== 'asc' && order !== 'desc') throw badRequest('INVALID_ARGUMENT', '"order" must be "asc" or "desc".');
    const messages = await call.deps.store.queryHistory({ ...filter, offset, limit, order });
    const handle = call.queries.add(call.appId, messages);
    return { offset, limit, order, location: `~/rtm/message/history/query/${handle}` };
  },
};

/** §9.3 step 2: `GET /rtm/message/history/query/<handle>`; 404 unknown handle, 410 expired. */
export const fetchHistoryQuery: Endpoint = {
  method: 'GET',
  pattern: ['rtm', 'message', 'history', 'query', '*'],
  rate: 'history',
  run(call) {
    const result = call.queries.get(call.appId, call.params[0] ?? '');
    if (result === undefined) return Promise.reject(new RestError(404, 'NOT_FOUND', 'No such history query.'));
    if (result === 'expired') return Promise.reject(new RestError(410, 'EXPIRED', 'The history query has expired; create a new one.'));
    const messages = result.map((m) => ({
      src: m.from,
      dst: m.to,
      message_type: m.kind === 'peer' ? 'peer_message' : 'channel_message',
      payload: m.text,
      ms: m.ts,
    }));
    return Promise.resolve({ code: 'ok', messages });
  },
};

/** §9.3 step 3: `GET /rtm/message/history/count?source=…&destination=…&start_time=…&end_time=…`. */
export const countHistory: Endpoint = {
  method: 'GET',
  pattern: ['rtm', 'message', 'history', 'count'],
  rate: 'history',
  async run(call) {
    const q = call.query;
    const filter = filterOf(call.appId, q.get('source') ?? undefined, q.get('destination') ?? undefined, q.get('start_time'), q.get('end_time'));
    return { code: 'ok', count: await call.deps.store.countHistory(filter) };
  },
};
