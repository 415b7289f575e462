import type { IncomingMessage } from 'node:http';
import type { Hub } from '../hub/hub.js';
import type { ResolvedOptions } from '../options.js';
import type { DurableStore } from '../storage/types.js';
import type { HistoryQueries } from './history-queries.js';
import type { RestRateClass } from './rate.js';

export interface RestDeps {
  readonly hub: Hub;
  readonly store: DurableStore;
  readonly options: ResolvedOptions;
}

/** One authenticated REST request, as an endpoint sees it. */
export interface RestCall {
  readonly appId: string;
  /** The path segments matched by `*` in the endpoint's pattern, percent-decoded. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly req: IncomingMessage;
  readonly deps: RestDeps;
  readonly queries: HistoryQueries;
  /** The JSON object body (size-limited). */
  body(): Promise<Record<string, unknown>>;
}

export interface Endpoint {
  method: 'GET' | 'POST';
  /** Path segments after `/dev/v2/project/<appid>/`; `*` matches one segment. */
  pattern: readonly string[];
  rate: RestRateClass;
  /** The success body (without `result` and `request_id`). */
  run(call: RestCall): Promise<object>;
}
