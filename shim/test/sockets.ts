/**
 * Cuts a logged-in client's WebSocket from the outside, as a network failure would: every `ws` socket is
 * recognised by the login frame it sends (the client loads `ws` in Node), and `cut(uid)` terminates it
 * without a close handshake.
 */
import { WebSocket } from 'ws';

type Send = typeof WebSocket.prototype.send;

export class SocketCutter {
  readonly #byUid = new Map<string, WebSocket>();
  #original: Send | null = null;

  install(): void {
    const original: Send = Reflect.get(WebSocket.prototype, 'send');
    this.#original = original;
    const byUid = this.#byUid;
    WebSocket.prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
      if (typeof data === 'string' && data.includes('"login"')) {
        const uid = /"uid":"((?:[^"\\]|\\.)*)"/.exec(data)?.[1];
        if (uid !== undefined) byUid.set(uid, this);
      }
      return (original as (...args: unknown[]) => void).call(this, data, ...rest);
    } as Send;
  }

  restore(): void {
    if (this.#original) WebSocket.prototype.send = this.#original;
    this.#original = null;
    this.#byUid.clear();
  }

  cut(uid: string): void {
    const socket = this.#byUid.get(uid);
    if (!socket) throw new Error(`no socket seen for ${uid}`);
    socket.terminate();
  }
}
