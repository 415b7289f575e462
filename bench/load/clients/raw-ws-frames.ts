/** The baseline's JSON envelope: just enough to route, with no validation, versioning or sessions. */
export type RawClientFrame =
  | { t: 'login'; id: number; uid: string }
  | { t: 'join'; id: number; ch: string }
  | { t: 'pub'; id: number; ch: string; body: string }
  | { t: 'peer'; id: number; to: string; body: string }
  | { t: 'ack'; id: number; to: string };

export type RawServerFrame =
  | { t: 'ok'; id: number }
  | { t: 'msg'; ch: string; from: string; body: string }
  | { t: 'peer'; id: number; from: string; body: string }
  | { t: 'ack'; id: number };
