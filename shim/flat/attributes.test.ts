/*
 * User and channel attributes through the flat API on the in-memory RTM network of the Web shim's tests (the
 * resignal client gains attributes with issue 3; messaging.test.ts runs the same calls on the real server).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNetwork } from '../test/fake-rtm.js';
import { WarningLog } from '../test/harness.js';
import { FlatWorld, unique } from './test/world.js';

const ANY_TEXT = expect.any(String) as unknown;
const warnings = new WarningLog();
let network: FakeNetwork;
const world = new FlatWorld(() => 'http://127.0.0.1:1');

beforeEach(() => {
  warnings.start();
  world.reset();
  network = new FakeNetwork();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  await world.closeAll();
  warnings.stop();
  vi.restoreAllMocks();
});

const fake = () => ({ createInstance: network.createInstance });

describe('user attributes', () => {
  it('setAttr then getAttr / getUserAttr → onUserAttrResult(account, name, value); "" deletes; a missing RTM call → onError(1001)', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const alice = await world.loggedIn('a', a, fake());
    const bob = await world.loggedIn('b', b, fake());
    alice.setAttr('color', 'red');
    await new Promise((resolve) => setTimeout(resolve, 20));
    alice.getAttr('color');
    bob.getUserAttr(a, 'color');
    bob.getUserAttr(a, 'size');
    bob.getUserAttrAll(a);
    await world.waitFor('a', 'onUserAttrResult');
    await world.waitFor('b', 'onUserAttrResult', 2);
    await world.waitFor('b', 'onError');
    expect(world.of('a', 'onUserAttr')).toEqual([['a.onUserAttrResult', a, 'color', 'red']]);
    expect(world.of('b', 'onUserAttrResult').sort()).toEqual([['b.onUserAttrResult', a, 'color', 'red'], ['b.onUserAttrResult', a, 'size', '']].sort());
    expect(world.of('b', 'onError')).toEqual([['b.onError', 'getUserAttrAll', 1001, ANY_TEXT]]);
    warnings.expectExactly([
      'SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_LOGIN', 'SIG_FLAT_ON_LOGIN_SUCCESS', 'SIG_FLAT_SET_ATTR', 'SIG_FLAT_GET_ATTR',
      'SIG_FLAT_GET_USER_ATTR', 'SIG_FLAT_GET_USER_ATTR_ALL', 'SIG_FLAT_ON_USER_ATTR_RESULT', 'SIG_FLAT_ON_ERROR',
    ]);
  });
});

describe('channel attributes', () => {
  it('set / del / clear reach every member as (ch, name, value, type), the writer included; joiners get a replay', async () => {
    const [a, b, c] = [unique('alice'), unique('bob'), unique('carol')];
    const ch = unique('room');
    const alice = await world.loggedIn('a', a, fake());
    const bob = await world.loggedIn('b', b, fake());
    await world.joined('a', alice, ch);
    await world.joined('b', bob, ch);
    alice.channelSetAttr(ch, 'topic', 'news');
    alice.channelSetAttr(ch, 'mood', 'calm');
    await world.waitFor('b', 'onChannelAttrUpdated', 2);
    await world.waitFor('a', 'onChannelAttrUpdated', 2);
    const carol = await world.loggedIn('c', c, fake());
    await world.joined('c', carol, ch);
    alice.channelDelAttr(ch, 'mood');
    await world.waitFor('b', 'onChannelAttrUpdated', 3);
    alice.channelClearAttr(ch);
    await world.waitFor('b', 'onChannelAttrUpdated', 4);
    await world.waitFor('a', 'onChannelAttrUpdated', 4);
    await world.waitFor('c', 'onChannelAttrUpdated', 4);
    const live = (label: string): unknown[][] => [
      [`${label}.onChannelAttrUpdated`, ch, 'topic', 'news', 'update'],
      [`${label}.onChannelAttrUpdated`, ch, 'mood', 'calm', 'update'],
      [`${label}.onChannelAttrUpdated`, ch, 'mood', '', 'del'],
      [`${label}.onChannelAttrUpdated`, ch, 'topic', '', 'del'],
    ];
    expect(world.of('a', 'onChannelAttrUpdated')).toEqual(live('a'));
    expect(world.of('b', 'onChannelAttrUpdated')).toEqual(live('b'));
    expect(world.of('c', 'onChannel')).toEqual([
      ['c.onChannelJoined', ch],
      ['c.onChannelUserList', [a, b, c], [0, 0, 0]],
      ['c.onChannelAttrUpdated', ch, 'topic', 'news', 'update'],
      ['c.onChannelAttrUpdated', ch, 'mood', 'calm', 'update'],
      ['c.onChannelAttrUpdated', ch, 'mood', '', 'del'],
      ['c.onChannelAttrUpdated', ch, 'topic', '', 'del'],
    ]);
  });

  it('clearing several attributes is one (ch, "", "", "clear") for everyone', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const ch = unique('room');
    const alice = await world.loggedIn('a', a, fake());
    const bob = await world.loggedIn('b', b, fake());
    await world.joined('a', alice, ch);
    await world.joined('b', bob, ch);
    alice.channelSetAttr(ch, 'x', '1');
    alice.channelSetAttr(ch, 'y', '2');
    await world.waitFor('b', 'onChannelAttrUpdated', 2);
    alice.channelClearAttr(ch);
    await world.waitFor('b', 'onChannelAttrUpdated', 3);
    await world.waitFor('a', 'onChannelAttrUpdated', 3);
    for (const label of ['a', 'b']) {
      expect(world.of(label, 'onChannelAttrUpdated')).toEqual([
        [`${label}.onChannelAttrUpdated`, ch, 'x', '1', 'update'],
        [`${label}.onChannelAttrUpdated`, ch, 'y', '2', 'update'],
        [`${label}.onChannelAttrUpdated`, ch, '', '', 'clear'],
      ]);
    }
  });

  it('channel attribute calls before login fail with onError(name, 1003, desc)', async () => {
    const early = world.api('e', fake());
    early.channelSetAttr('room', 'a', 'b');
    early.channelDelAttr('room', 'a');
    early.channelClearAttr('room');
    await world.waitFor('e', 'onError', 3);
    expect(world.of('e')).toEqual([
      ['e.onError', 'channelSetAttr', 1003, ANY_TEXT],
      ['e.onError', 'channelDelAttr', 1003, ANY_TEXT],
      ['e.onError', 'channelClearAttr', 1003, ANY_TEXT],
    ]);
  });
});
