/**
 * `Signal(appid)`, with or without `new`: the legacy factory. Each instance owns a logger and the way its
 * sessions obtain an RTM client: options passed here, else `Signal.configure()` defaults, else resignal's client.
 */
import { createContext, type ShimContext } from './context.js';
import { resignalClientFactory } from './default-client.js';
import type { LegacySignal, SignalFactory, SignalOptions } from './legacy-types.js';
import { LegacyLogger } from './log.js';
import { DEFAULT_RECONNECT_COUNT, DEFAULT_RECONNECT_TIME_MS } from './reconnect.js';
import { Session } from './session.js';
import { SIGNALING_SDK_VERSION, SIGNALING_SDK_VERSION_INT } from './status.js';
import { legacyString } from './text.js';
import { noteUse } from './usage.js';

let defaults: SignalOptions = {};

/** The legacy `Signal_` class; `Signal(appid)` returns one of these. */
export class Signal_ implements LegacySignal {
  readonly appid: string;
  readonly vid: string;
  readonly #options: SignalOptions;
  readonly #log = new LegacyLogger();
  /** Set by setup_debugging('ap' | 'ap_url') or dbg('dbg_server'); used only by the default client. */
  #debugEndpoint: string | undefined;
  #ctx: ShimContext;

  constructor(appid: string, options: SignalOptions = {}) {
    this.appid = legacyString(appid);
    this.vid = this.appid;
    this.#options = { ...defaults, ...options };
    this.#ctx = this.#context();
  }

  login(account: string, token: string, reconnect_count: number = DEFAULT_RECONNECT_COUNT, reconnect_time: number = DEFAULT_RECONNECT_TIME_MS): Session {
    this.#ctx.use('SIG_LOGIN');
    return new Session(this.#ctx, { account, token, reconnectCount: reconnect_count, reconnectTime: reconnect_time });
  }

  setDoLog(isEnabled = false, level: 'DEBUG' | 'WARNING' | 'INFO' = 'DEBUG'): void {
    this.#ctx.use('SIG_SET_DO_LOG');
    this.#log.configure(isEnabled, level);
  }

  getSDKVersion(): string {
    this.#ctx.use('SIG_GET_SDK_VERSION');
    return SIGNALING_SDK_VERSION;
  }

  getSDKVersion_int(): number {
    this.#ctx.use('SIG_GET_SDK_VERSION_INT');
    return SIGNALING_SDK_VERSION_INT;
  }

  /** 'ap' ([host, port]) and 'ap_url' point the default client at a resignal server; other names are ignored. */
  setup_debugging(name: string, value: unknown): void {
    this.#ctx.use('SIG_SETUP_DEBUGGING');
    if (name === 'ap' && Array.isArray(value)) this.#pointAt(`http://${String(value[0])}:${String(value[1])}`);
    else if (name === 'ap_url' && typeof value === 'string') this.#pointAt(value.includes('://') ? value : `http://${value}`);
    else this.#log.info('setup_debugging ignored:', name);
  }

  setUpDebugging(name: string, value: unknown): void {
    this.setup_debugging(name, value);
  }

  /** 1.1.3: dbg('dbg_server', 'host:port'). */
  dbg(name: string, value: unknown): void {
    this.#ctx.use('SIG_DBG');
    if (name === 'dbg_server' && typeof value === 'string') this.#pointAt(`http://${value}`);
    else this.#log.info('dbg ignored:', name);
  }

  #pointAt(endpoint: string): void {
    this.#debugEndpoint = endpoint;
    this.#ctx = this.#context();
  }

  #context(): ShimContext {
    const factory = this.#options.createInstance ?? resignalClientFactory(this.#options.endpoint ?? this.#debugEndpoint);
    return createContext(this.appid, this.#log, factory);
  }
}

function SignalFunction(appid: string, options?: SignalOptions): Signal_ {
  noteUse('SIG_SIGNAL');
  return new Signal_(appid, options);
}
SignalFunction.prototype = Signal_.prototype;

/** `Signal.configure({ endpoint, createInstance })`: defaults for every later `Signal(appid)`. */
function configure(options: SignalOptions): void {
  defaults = { ...defaults, ...options };
}

export const Signal = Object.assign(SignalFunction, { configure }) as unknown as SignalFactory;
