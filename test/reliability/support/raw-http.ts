/** Writes raw bytes to the server's HTTP port and reports what came back (status line, or nothing). */
import { connect } from 'node:net';

export interface RawHttpResult {
  /** First response line, e.g. "HTTP/1.1 431 Request Header Fields Too Large"; '' when closed without a response. */
  statusLine: string;
  /** The socket was closed by the server (or errored) within the deadline. */
  closed: boolean;
}

export function rawHttp(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawHttpResult> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    const finish = (closed: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ statusLine: response.split('\r\n', 1)[0] ?? '', closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      response += chunk.toString('latin1');
      if (response.includes('\r\n\r\n')) finish(true);
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => socket.write(request));
  });
}

export function upgradeRequest(port: number, extraHeaders: string, path = '/rtm'): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extraHeaders}\r\n`
  );
}
