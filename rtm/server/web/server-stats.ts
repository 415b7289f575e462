import type { ServerMetrics } from './metrics.js';
import { labelled, type Family } from './prometheus.js';

/** What the metrics and status endpoints read from the running server. */
export interface StatsSource {
  readonly metrics: ServerMetrics;
  readonly version: string;
  readonly nodeId: string;
  readonly engine: string;
  readonly startedAt: number;
  connections(): number;
  /** Logged-in sessions on this node (online users, including those in their presence grace). */
  sessions(): number;
  /** Channels with at least one member on this node. */
  channels(): number;
}

/** The JSON of `GET /status` (the status page reads it). */
export interface StatusBody {
  version: string;
  node: string;
  engine: string;
  uptimeS: number;
  connections: number;
  users: number;
  channels: number;
  messagesPerSecond: { in: number; delivered: number };
  totals: {
    connections: number;
    logins: number;
    messagesIn: { peer: number; channel: number };
    deliveries: { peer: number; channel: number };
    framesIn: number;
    framesOut: number;
    queueDrops: number;
  };
  errors: Record<string, number>;
}

const round = (value: number): number => Math.round(value * 100) / 100;

export function statusBody(source: StatsSource): StatusBody {
  const m = source.metrics;
  return {
    version: source.version,
    node: source.nodeId,
    engine: source.engine,
    uptimeS: Math.floor((Date.now() - source.startedAt) / 1000),
    connections: source.connections(),
    users: source.sessions(),
    channels: source.channels(),
    messagesPerSecond: { in: round(m.messageRate.perSecond()), delivered: round(m.deliveryRate.perSecond()) },
    totals: {
      connections: m.connectionsOpened,
      logins: m.logins,
      messagesIn: { peer: m.messagesIn.get('peer') ?? 0, channel: m.messagesIn.get('channel') ?? 0 },
      deliveries: { peer: m.deliveries.get('peer') ?? 0, channel: m.deliveries.get('channel') ?? 0 },
      framesIn: m.framesReceived,
      framesOut: m.framesSent,
      queueDrops: m.queueDrops,
    },
    errors: Object.fromEntries([...m.errors.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Every family `GET /metrics` exposes. */
export function metricFamilies(source: StatsSource): Family[] {
  const m = source.metrics;
  return [
    { name: 'resignal_info', help: 'Server version, node id and engine (always 1).', type: 'gauge', samples: [{ labels: { version: source.version, node: source.nodeId, engine: source.engine }, value: 1 }] },
    { name: 'resignal_uptime_seconds', help: 'Seconds since this server started.', type: 'gauge', samples: [{ value: Math.floor((Date.now() - source.startedAt) / 1000) }] },
    { name: 'resignal_connections', help: 'Open WebSocket connections.', type: 'gauge', samples: [{ value: source.connections() }] },
    { name: 'resignal_sessions', help: 'Logged-in sessions on this node (users online, grace period included).', type: 'gauge', samples: [{ value: source.sessions() }] },
    { name: 'resignal_channels', help: 'Channels with members on this node.', type: 'gauge', samples: [{ value: source.channels() }] },
    { name: 'resignal_connections_opened_total', help: 'WebSocket connections accepted.', type: 'counter', samples: [{ value: m.connectionsOpened }] },
    { name: 'resignal_connections_closed_total', help: 'WebSocket connections closed, by close code.', type: 'counter', samples: labelled('code', m.closes) },
    { name: 'resignal_logins_total', help: 'Successful logins (fresh and resumed).', type: 'counter', samples: [{ value: m.logins }] },
    { name: 'resignal_requests_total', help: 'Requests answered successfully, by frame type.', type: 'counter', samples: labelled('type', m.requests) },
    { name: 'resignal_messages_received_total', help: 'User messages accepted from clients (messages in), by kind.', type: 'counter', samples: labelled('kind', m.messagesIn) },
    { name: 'resignal_deliveries_total', help: 'User messages written to receiving sockets (messages out; channel fan-out counts every member), by kind.', type: 'counter', samples: labelled('kind', m.deliveries) },
    { name: 'resignal_frames_received_total', help: 'WebSocket frames received.', type: 'counter', samples: [{ value: m.framesReceived }] },
    { name: 'resignal_frames_sent_total', help: 'WebSocket frames sent.', type: 'counter', samples: [{ value: m.framesSent }] },
    { name: 'resignal_received_bytes_total', help: 'Bytes of WebSocket frames received.', type: 'counter', samples: [{ value: m.bytesReceived }] },
    { name: 'resignal_sent_bytes_total', help: 'Bytes of WebSocket frames sent.', type: 'counter', samples: [{ value: m.bytesSent }] },
    { name: 'resignal_errors_total', help: 'Error replies sent to clients, by wire error code.', type: 'counter', samples: labelled('code', m.errors) },
    { name: 'resignal_queue_drops_total', help: 'Connections closed as slow consumers (send queue over maxSendQueueBytes, close 4005).', type: 'counter', samples: [{ value: m.queueDrops }] },
  ];
}
