/**
 * A hostile raw WebSocket client: sends anything, records every server frame (decoded with the client-side
 * decoder; an undecodable server frame is itself a finding) and the close code. Never throws from a callback.
 */
import { WebSocket } from 'ws';
import { decodeServerFrame } from '../../../rtm/protocol/codec.js';
import type { ServerFrame } from '../../../rtm/protocol/frames.js';
import { SUBPROTOCOL, WS_PATH } from '../../../rtm/protocol/version.js';

export interface Closed {
  code: number;
  reason: string;
}

export class Recorder {
  readonly frames: ServerFrame[] = [];
  /** Server frames the client-side decoder refused: must stay empty. */
  readonly undecodable: string[] = [];
  readonly closed: Promise<Closed>;
  private closeInfo: Closed | null = null;
  private listeners: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
        this.wake();
      });
    });
    ws.on('error', () => undefined);
    ws.on('message', (data: Buffer, isBinary) => {
      const decoded = decodeServerFrame(isBinary ? new Uint8Array(data) : data.toString('utf8'));
      if (decoded.ok) this.frames.push(decoded.frame);
      else this.undecodable.push(`${decoded.code}: ${decoded.message}`);
      this.wake();
    });
  }

  static async open(baseUrl: string, headers?: Record<string, string>): Promise<Recorder> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${WS_PATH}`, SUBPROTOCOL, { perMessageDeflate: false, ...(headers ? { headers } : {}) });
    const recorder = new Recorder(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return recorder;
  }

  get closeStatus(): Closed | null {
    return this.closeInfo;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(data: string | Uint8Array): void {
    if (this.isOpen) this.ws.send(data, { binary: typeof data !== 'string' });
  }

  /** Resolves once `done()` holds (checked on every frame and on close) or rejects after `timeoutMs`. */
  until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${this.frames.length} frames, close ${JSON.stringify(this.closeInfo)}`));
      }, timeoutMs);
      this.listeners.push(check);
    });
  }

  private wake(): void {
    for (const listener of [...this.listeners]) listener();
  }

  terminate(): void {
    this.ws.terminate();
  }
}
