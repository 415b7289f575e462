/**
 * The server's frame handling fuzzed over a real socket: random, mutated and truncated frames, before and
 * after login. Exact invariants per run: one reply per request with its id, typed error codes only, no
 * INTERNAL and no logged handler failure, the connection stays usable under the bad-frame limit and closes
 * with 4007 exactly at it, and a bystander pair keeps exchanging acknowledged messages throughout.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, isWireErrorCode } from '../../rtm/protocol/errors.js';
import type { ServerFrame } from '../../rtm/protocol/frames.js';
import type { RunningServer } from '../../rtm/server/index.js';
import { ENGINES, useServers } from '../../rtm/server/test/harness.js';
import { text, type RawClient } from '../../rtm/server/test-utils.js';
import { Figures } from './figures.js';
import { expectReplies, sortIds } from './fuzz/expect.js';
import { hostileData, type WireData } from './fuzz/frames.js';
import { budgetMs, sized } from './scale.js';
import { withSeed } from './seed.js';
import { captureLogger } from './support/capture-logger.js';
import { Recorder } from './support/recorder.js';

const figures = new Figures('socket-fuzz');
afterAll(() => figures.write());

const isReply = (f: ServerFrame): f is Extract<ServerFrame, { t: 'res' | 'err' }> => f.t === 'res' || f.t === 'err';
const APP_ID = '0123456789abcdef0123456789abcdef';

describe('server frame handling under fuzzing', () => {
  const h = useServers(ENGINES[0]!);
  const logger = captureLogger();
  let server: RunningServer;
  let alice: RawClient;
  let bystanderSends = 0;

  const bystandersStillTalk = async (): Promise<void> => {
    const result = await alice.request('peer.send', { to: 'bob', msg: text(`ping ${bystanderSends}`) });
    expect(result.delivered).toBe(true);
    bystanderSends++;
  };

  async function runBatch(batch: WireData[], loginFirst: boolean, maxBadFrames: number) {
    const rec = await Recorder.open(server.url);
    try {
      if (loginFirst) {
        rec.send(JSON.stringify({ t: 'login', id: 900_001, v: 1, appId: APP_ID, uid: 'fz-self', instance: 'fuzz' }));
        await rec.until(() => rec.frames.some((f) => isReply(f) && f.id === 900_001), 3000, 'login reply');
        rec.frames.length = 0;
      }
      for (const data of batch) rec.send(data);
      const expected = expectReplies(batch, maxBadFrames);
      const replies = (): Extract<ServerFrame, { t: 'res' | 'err' }>[] => rec.frames.filter(isReply);
      const pongs = (): number => rec.frames.filter((f) => f.t === 'pong').length;
      if (expected.closesAt >= 0) {
        expect((await rec.closed).code).toBe(CLOSE_CODES.TOO_MANY_ERRORS);
        figures.add('closedAtBadFrameLimit', 1);
      } else {
        await rec.until(() => replies().length >= expected.replyIds.length && pongs() >= expected.pongs, 8000, 'every reply');
        // The connection is still usable: a ping after the batch is answered.
        rec.send('{"t":"ping"}');
        await rec.until(() => pongs() >= expected.pongs + 1, 3000, 'the pong after the batch');
        expect(sortIds(replies().map((f) => f.id))).toEqual(expected.replyIds);
        expect(rec.closeStatus).toBeNull();
        if (loginFirst) {
          // The session survived its bad frames: it is still logged in as itself.
          rec.send(JSON.stringify({ t: 'status.query', id: 900_002, uids: ['fz-self'] }));
          await rec.until(() => rec.frames.some((f) => isReply(f) && f.id === 900_002), 3000, 'the status reply');
          expect(rec.frames.find((f) => isReply(f) && f.id === 900_002)).toMatchObject({ t: 'res', data: { online: { 'fz-self': true } } });
        }
      }
      for (const frame of replies()) if (frame.t === 'err') expect(isWireErrorCode(frame.code), frame.code).toBe(true);
      const internal = replies().filter((f) => f.t === 'err' && f.code === 'INTERNAL');
      expect(internal, JSON.stringify(internal)).toEqual([]);
      expect(rec.undecodable).toEqual([]);
      figures.add('framesSent', batch.length);
      figures.add('errorReplies', replies().filter((f) => f.t === 'err').length);
      figures.add('okReplies', replies().filter((f) => f.t === 'res').length);
    } finally {
      rec.terminate();
    }
    expect(logger.errors).toEqual([]);
    await bystandersStillTalk();
  }

  beforeAll(async () => {
    server = await h.start({ log: 'warn', logger, rateLimits: { maxBadFrames: 1_000_000, maxFramesPerSecond: 1_000_000, messageCount: 1_000_000 } });
    ({ client: alice } = await h.login(server, 'alice'));
    await h.login(server, 'bob');
  });

  it(
    'answers every request once, with typed codes, and the connection stays usable (limits relaxed)',
    async () => {
      const runs = sized(60, 600);
      await withSeed('socket-fuzz', async (seed) => {
        await fc.assert(
          fc.asyncProperty(fc.array(hostileData, { minLength: 1, maxLength: 25 }), fc.boolean(), (batch, loginFirst) => runBatch(batch, loginFirst, Number.POSITIVE_INFINITY)),
          { seed, numRuns: runs, endOnFailure: true },
        );
      });
      figures.add('runs', runs);
      figures.set('bystanderAckedMessages', bystanderSends);
      expect(server.connectionCount()).toBeGreaterThanOrEqual(2);
    },
    budgetMs(60_000, 600_000),
  );
});

describe('bad-frame limit under fuzzing', () => {
  const h = useServers(ENGINES[0]!);
  const logger = captureLogger();

  it(
    'closes with 4007 exactly when the bad-frame limit is reached, never earlier',
    async () => {
      const maxBadFrames = 5;
      const server = await h.start({ log: 'warn', logger, rateLimits: { maxBadFrames, maxFramesPerSecond: 1_000_000, messageCount: 1_000_000 } });
      const { client: alice } = await h.login(server, 'alice');
      await h.login(server, 'bob');
      const runs = sized(30, 300);
      let closes = 0;
      await withSeed('bad-frame-limit', async (seed) => {
        await fc.assert(
          fc.asyncProperty(fc.array(hostileData, { minLength: 1, maxLength: 30 }), async (batch) => {
            const rec = await Recorder.open(server.url);
            try {
              for (const data of batch) rec.send(data);
              const expected = expectReplies(batch, maxBadFrames);
              if (expected.closesAt >= 0) {
                expect((await rec.closed).code).toBe(CLOSE_CODES.TOO_MANY_ERRORS);
                closes++;
              } else {
                rec.send('{"t":"ping"}');
                await rec.until(() => rec.frames.filter((f) => f.t === 'pong').length >= expected.pongs + 1, 8000, 'the final pong');
                expect(rec.closeStatus).toBeNull();
              }
            } finally {
              rec.terminate();
            }
            expect((await alice.request('peer.send', { to: 'bob', msg: text('still here') })).delivered).toBe(true);
          }),
          { seed, numRuns: runs, endOnFailure: true },
        );
      });
      expect(logger.errors).toEqual([]);
      figures.set('badFrameLimitRuns', runs);
      figures.set('badFrameLimitCloses', closes);
    },
    budgetMs(60_000, 600_000),
  );
});
