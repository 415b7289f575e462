/**
 * Child process for the crash and lock tests (bundled with esbuild by the test, since Node 20 cannot strip types).
 *   stream <dataDir>: enqueue offline messages forever, printing each id once `enqueueOffline` resolved.
 *   hold <dataDir>: open the store, print "ready", keep it open until killed.
 */
import { openStore } from '../index.js';
import { CRASH_APP, CRASH_RECEIVER } from './constants.js';

const [mode, dataDir] = process.argv.slice(2);
if (!dataDir || (mode !== 'stream' && mode !== 'hold')) throw new Error('usage: store-child stream|hold <dataDir>');

const store = await openStore({ dataDir, limits: { offlinePerReceiver: 1_000_000 } });

if (mode === 'hold') {
  process.stdout.write('ready\n');
  setInterval(() => undefined, 60_000);
} else {
  let next = 0;
  // Several writers in flight, so the kill also lands inside group commits.
  const writer = async (): Promise<never> => {
    for (;;) {
      const id = `m${next++}`;
      await store.enqueueOffline({ appId: CRASH_APP, id, from: 'alice', to: CRASH_RECEIVER, ts: Date.now(), msg: { type: 'TEXT', text: id } });
      process.stdout.write(`${id}\n`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, writer));
}
