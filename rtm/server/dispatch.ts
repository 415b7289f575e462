import { decodeClientFrame } from '../protocol/codec.js';
import { assertNever, type ClientFrame, type RequestFrame, type RequestResult, type RequestType } from '../protocol/frames.js';
import type { Connection } from './connection.js';
import { handleChCount } from './handlers/ch-count.js';
import { handleChJoin } from './handlers/ch-join.js';
import { handleChLeave } from './handlers/ch-leave.js';
import { handleChMembers } from './handlers/ch-members.js';
import { handleChSend } from './handlers/ch-send.js';
import type { RequestContext, SessionContext } from './handlers/context.js';
import { handleLogin } from './handlers/login.js';
import { handleLogout } from './handlers/logout.js';
import { handlePeerAck } from './handlers/peer-ack.js';
import { handlePeerSend } from './handlers/peer-send.js';
import { handleCallSend } from './handlers/call-send.js';
import { handlePing } from './handlers/ping.js';
import { handleStatusQuery } from './handlers/status-query.js';
import { handleStatusSub } from './handlers/status-sub.js';
import { handleStatusUnsub } from './handlers/status-unsub.js';
import { handleMediaTicket } from './handlers/media-ticket.js';
// RTM core part 2: tokens, attributes, metadata
import { handleCattrGet } from './handlers/cattr-get.js';
import { handleCattrWrite } from './handlers/cattr-write.js';
import { handleMetaGet } from './handlers/meta-get.js';
import { handleMetaSub } from './handlers/meta-sub.js';
import { handleMetaUnsub } from './handlers/meta-unsub.js';
import { handleMetaWrite } from './handlers/meta-write.js';
import { handleTokenRenew } from './handlers/token-renew.js';
import { handleUattrGet } from './handlers/uattr-get.js';
import { handleUattrWrite } from './handlers/uattr-write.js';
import type { Hub } from './hub/hub.js';
import type { Session } from './hub/session.js';
import type { ResolvedOptions } from './options.js';
import { WireError } from './wire-error.js';

/** The context of one request: one object per request, and an after-reply list only when a handler asks for one. */
class Request implements RequestContext {
  after: (() => void)[] | null = null;

  constructor(
    readonly conn: Connection,
    readonly hub: Hub,
    readonly options: ResolvedOptions,
    readonly session: Session | null,
  ) {}

  afterReply(task: () => void): void {
    (this.after ??= []).push(task);
  }
}

/** Decodes and dispatches one WebSocket message. Never throws. */
export class Dispatcher {
  constructor(
    private readonly hub: Hub,
    private readonly options: ResolvedOptions,
  ) {}

  onMessage(conn: Connection, data: string | Uint8Array): void {
    if (!conn.countFrame()) return;
    const decoded = decodeClientFrame(data);
    if (!decoded.ok) {
      conn.error(decoded.id, decoded.code, decoded.message);
      conn.countBadFrame();
      return;
    }
    try {
      this.dispatch(conn, decoded.frame);
    } catch (error) {
      this.options.logger.error('dispatch failed', error);
      conn.error(null, 'INTERNAL', 'The server failed while handling the frame.');
    }
  }

  private dispatch(conn: Connection, frame: ClientFrame): void {
    switch (frame.t) {
      case 'ping':
        return handlePing(conn, this.options.now());
      case 'peer.ack':
        return handlePeerAck(conn, this.hub, frame.mid);
      case 'login':
        return this.run(conn, frame, (ctx) => handleLogin(ctx, frame), false);
      case 'logout':
        return this.run(conn, frame, (ctx) => handleLogout(ctx, frame), true);
      case 'peer.send':
        return this.run(conn, frame, (ctx) => handlePeerSend(ctx, frame), true);
      case 'call.send':
        return this.run(conn, frame, (ctx) => handleCallSend(ctx, frame), true);
      case 'ch.join':
        return this.run(conn, frame, (ctx) => handleChJoin(ctx, frame), true);
      case 'ch.leave':
        return this.run(conn, frame, (ctx) => handleChLeave(ctx, frame), true);
      case 'ch.send':
        return this.run(conn, frame, (ctx) => handleChSend(ctx, frame), true);
      case 'ch.members':
        return this.run(conn, frame, (ctx) => handleChMembers(ctx, frame), true);
      case 'ch.count':
        return this.run(conn, frame, (ctx) => handleChCount(ctx, frame), true);
      case 'status.query':
        return this.run(conn, frame, (ctx) => handleStatusQuery(ctx, frame), true);
      case 'status.sub':
        return this.run(conn, frame, (ctx) => handleStatusSub(ctx, frame), true);
      case 'media.ticket':
        return this.run(conn, frame, (ctx) => handleMediaTicket(ctx, frame), true);
      case 'status.unsub':
        return this.run(conn, frame, (ctx) => handleStatusUnsub(ctx, frame), true);
      // RTM core part 2
      case 'token.renew':
        return this.run(conn, frame, (ctx) => handleTokenRenew(ctx, frame), true);
      case 'uattr.write':
        return this.run(conn, frame, (ctx) => handleUattrWrite(ctx, frame), true);
      case 'uattr.get':
        return this.run(conn, frame, (ctx) => handleUattrGet(ctx, frame), true);
      case 'cattr.write':
        return this.run(conn, frame, (ctx) => handleCattrWrite(ctx, frame), true);
      case 'cattr.get':
        return this.run(conn, frame, (ctx) => handleCattrGet(ctx, frame), true);
      case 'meta.write':
        return this.run(conn, frame, (ctx) => handleMetaWrite(ctx, frame), true);
      case 'meta.get':
        return this.run(conn, frame, (ctx) => handleMetaGet(ctx, frame), true);
      case 'meta.sub':
        return this.run(conn, frame, (ctx) => handleMetaSub(ctx, frame), true);
      case 'meta.unsub':
        return this.run(conn, frame, (ctx) => handleMetaUnsub(ctx, frame), true);
      default:
        return assertNever(frame, 'client frame');
    }
  }

  /** Request bookkeeping shared by every handler: duplicate ids, login requirement, reply or error. */
  private run<T extends RequestType>(
    conn: Connection,
    frame: Extract<RequestFrame, { t: T }>,
    handler: (ctx: SessionContext) => RequestResult<T> | Promise<RequestResult<T>>,
    needsSession: boolean,
  ): void {
    const { id } = frame;
    if (conn.isPending(id)) {
      conn.error(id, 'DUPLICATE_REQUEST', `Request id ${id} is still pending.`);
      return;
    }
    const session = conn.session;
    if (needsSession && !session) {
      conn.error(id, 'NOT_LOGGED_IN', 'Log in first.');
      return;
    }
    // Only login runs without a session, and its handler takes a plain RequestContext.
    const ctx = new Request(conn, this.hub, this.options, session) as SessionContext & Request;
    conn.beginRequest(id);
    let result: RequestResult<T> | Promise<RequestResult<T>>;
    try {
      result = handler(ctx);
    } catch (error) {
      this.fail(conn, id, frame.t, error);
      return;
    }
    if (result instanceof Promise) result.then((data) => this.finish(ctx, id, frame.t, data), (error: unknown) => this.fail(conn, id, frame.t, error));
    else this.finish(ctx, id, frame.t, result);
  }

  private finish<T extends RequestType>(request: Request, id: number, type: T, data: RequestResult<T>): void {
    const { conn } = request;
    conn.endRequest(id);
    conn.reply(id, data);
    this.options.metrics.requestSucceeded(type);
    const after = request.after;
    if (after === null) return;
    for (const task of after) {
      try {
        task();
      } catch (error) {
        this.options.logger.error(`after-reply task of ${type} failed`, error);
      }
    }
  }

  private fail(conn: Connection, id: number, type: string, error: unknown): void {
    conn.endRequest(id);
    if (error instanceof WireError) {
      conn.error(id, error.code, error.message);
      return;
    }
    this.options.logger.error(`${type} handler failed`, error);
    conn.error(id, 'INTERNAL', 'The server failed while handling the request.');
  }
}
