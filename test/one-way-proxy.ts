/**
 * A loopback TCP proxy that can stop one direction of its connections: from `stall(direction)` on, the bytes
 * going that way are swallowed (neither side sees a FIN or RST), so a test can let the server write a message and
 * keep the client's `peer.ack` from arriving — or keep the message itself from arriving — and then `cut()`.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** `toServer`: the client's bytes (its acks) are lost; `toClient`: the server's bytes (its messages) are lost. */
export type ProxyDirection = 'toServer' | 'toClient';

export interface OneWayProxy {
  readonly url: string;
  readonly port: number;
  /** Bytes of every current connection going `direction` are dropped from now on. */
  stall(direction: ProxyDirection): void;
  /** Destroys every proxied connection on both sides (a network failure as both ends see it). */
  cut(): void;
  /** Connections forwarded so far. */
  readonly accepted: number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  stalled: Set<ProxyDirection>;
}

export async function startOneWayProxy(targetPort: number): Promise<OneWayProxy> {
  const pairs = new Set<Pair>();
  let accepted = 0;
  const server: Server = createServer((client) => {
    accepted++;
    const upstream = connect(targetPort, '127.0.0.1');
    const pair: Pair = { client, upstream, stalled: new Set() };
    pairs.add(pair);
    const drop = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk: Buffer) => {
      if (!pair.stalled.has('toServer')) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!pair.stalled.has('toClient')) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cut = (): void => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get accepted() {
      return accepted;
    },
    stall(direction) {
      for (const pair of pairs) pair.stalled.add(direction);
    },
    cut,
    close() {
      cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
