/** The subset of the WebSocket API the client uses; satisfied by browsers' WebSocket and by `ws`. */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string, protocol: string) => SocketLike;

interface NodeWsModule {
  WebSocket: new (url: string, protocols: string, options: object) => SocketLike;
}

let nodeFactory: Promise<SocketFactory> | undefined;

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/** Browsers: the native WebSocket. Node: the `ws` package, loaded lazily so browser bundles never include it. */
export function defaultSocketFactory(): Promise<SocketFactory> {
  if (!isNode()) {
    const Native = (globalThis as { WebSocket?: new (url: string, protocol: string) => SocketLike }).WebSocket;
    if (!Native) return Promise.reject(new Error('No WebSocket implementation is available in this environment.'));
    return Promise.resolve((url, protocol) => new Native(url, protocol));
  }
  nodeFactory ??= import('ws').then((mod: unknown) => {
    const { WebSocket } = mod as NodeWsModule;
    return (url: string, protocol: string) => new WebSocket(url, protocol, { perMessageDeflate: false });
  });
  return nodeFactory;
}

/** Normalises a socket message payload to what the codec takes. */
export function toFrameData(data: unknown): string | Uint8Array | null {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data)) {
    // `ws` may hand over fragmented messages as Buffer[] when binaryType is 'nodebuffer'.
    const parts = data as Uint8Array[];
    const total = parts.reduce((n, p) => n + p.byteLength, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.byteLength;
    }
    return out;
  }
  return null;
}
