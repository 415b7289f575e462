import { WebSocket } from 'ws';

/** Opens a `ws` client socket; rejects on an error or a close before open. */
export function openSocket(url: string, protocol?: string): Promise<WebSocket> {
  const ws = protocol === undefined ? new WebSocket(url, { perMessageDeflate: false }) : new WebSocket(url, protocol, { perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    ws.once('error', fail);
    ws.once('open', () => {
      ws.off('error', fail);
      ws.on('error', () => undefined);
      resolve(ws);
    });
  });
}
