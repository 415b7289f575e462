/**
 * A raw TCP client that completes the WebSocket upgrade and then never sends a byte: it does not answer
 * pings and does not finish a close handshake. Reads what the server sends and parses its close frame.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { SUBPROTOCOL, WS_PATH } from '../../../rtm/protocol/version.js';

export class SilentClient {
  private buffer = Buffer.alloc(0);
  private upgraded = false;
  pings = 0;
  closeCode: number | null = null;
  readonly ended: Promise<void>;

  private constructor(readonly socket: Socket) {
    this.ended = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  /** Opens the TCP connection and performs the upgrade; resolves once the server answered 101. */
  static async open(port: number, extraHeaders = ''): Promise<SilentClient> {
    const socket = connect(port, '127.0.0.1');
    const client = new SilentClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.write(
      `GET ${WS_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${SUBPROTOCOL}\r\n${extraHeaders}\r\n`,
    );
    const deadline = Date.now() + 5000;
    while (!client.upgraded) {
      if (Date.now() > deadline || socket.destroyed) throw new Error('the server did not answer the upgrade');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return client;
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (!this.upgraded) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      this.upgraded = this.buffer.subarray(0, 12).toString() === 'HTTP/1.1 101';
      this.buffer = this.buffer.subarray(end + 4);
    }
    // Server frames are unmasked; the small ones we expect (ping, close, short text) have 7-bit lengths.
    while (this.buffer.length >= 2) {
      const opcode = this.buffer[0]! & 0x0f;
      let length = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + length) return;
      const payload = this.buffer.subarray(offset, offset + length);
      if (opcode === 0x9) this.pings++;
      if (opcode === 0x8 && payload.length >= 2) this.closeCode = payload.readUInt16BE(0);
      this.buffer = this.buffer.subarray(offset + length);
    }
  }

  /** Sends one masked text frame (e.g. a login) and then goes silent again. */
  sendText(text: string): void {
    const payload = Buffer.from(text, 'utf8');
    if (payload.length > 125) throw new Error('SilentClient.sendText handles short frames only');
    const mask = randomBytes(4);
    const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
    this.socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]));
  }

  destroy(): void {
    this.socket.destroy();
  }
}
