/** Event maps shared by the Socket.IO benchmark server and client. */
export interface IoClientEvents {
  join(ch: string, ack: () => void): void;
  pub(ch: string, body: string, ack: () => void): void;
  peer(to: string, body: string, ack: (delivered: boolean) => void): void;
}

export interface IoServerEvents {
  msg(ch: string, from: string, body: string): void;
  peer(from: string, body: string, ack: () => void): void;
}
