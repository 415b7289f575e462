/** An attacker on a raw WebSocket: every operation stays scoped to the authenticated (App ID, uid). */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { OTHER_APP_ID, TEST_APP_ID, type RawClient } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';
import { CERT_APP_ID, CERTIFICATE, official006, official007 } from './official-tokens.js';

/** Sends a request frame as raw JSON (extra fields included) and waits for its reply. */
async function raw(client: RawClient, frame: Record<string, unknown>): Promise<{ t: string; code?: string; data?: unknown }> {
  const id = 9000 + Math.floor(Math.random() * 100_000);
  client.sendRaw(JSON.stringify({ ...frame, id }));
  return client.next((f) => (f.t === 'res' || f.t === 'err') && f.id === id);
}

describe.each(ENGINES)('security ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('serves none of the new frames before login', async () => {
    const server = await h.start();
    const c = await h.connect(server);
    expect(await c.errorCode('uattr.write', { op: 'clear' })).toBe('NOT_LOGGED_IN');
    expect(await c.errorCode('uattr.get', { uid: 'victim' })).toBe('NOT_LOGGED_IN');
    expect(await c.errorCode('cattr.write', { ch: 'room', op: 'clear' })).toBe('NOT_LOGGED_IN');
    expect(await c.errorCode('meta.get', { uid: 'victim' })).toBe('NOT_LOGGED_IN');
    expect(await c.errorCode('token.renew', { token: 'x' })).toBe('NOT_LOGGED_IN');
  });

  it('ignores forged uid and appId fields: writes only ever reach the sender’s own attributes and metadata', async () => {
    const server = await h.start();
    const { client: victim } = await h.login(server, 'victim');
    await victim.request('uattr.write', { op: 'set', attrs: { role: 'user' } });
    await victim.request('meta.write', { op: 'set', items: [{ key: 'role', value: 'user', rev: -1 }], major: -1 });
    const { client: attacker } = await h.login(server, 'attacker');
    const forged = { uid: 'victim', owner: 'victim', appId: OTHER_APP_ID, account: 'victim', target: 'victim' };
    expect(await raw(attacker, { t: 'uattr.write', op: 'set', attrs: { role: 'admin' }, ...forged })).toMatchObject({ t: 'res' });
    expect(await raw(attacker, { t: 'uattr.write', op: 'clear', ...forged })).toMatchObject({ t: 'res' });
    expect(await raw(attacker, { t: 'meta.write', op: 'set', items: [{ key: 'role', value: 'admin', rev: -1 }], major: -1, ...forged })).toMatchObject({ t: 'res' });
    expect((await victim.request('uattr.get', { uid: 'victim' })).attrs).toEqual({ role: 'user' });
    expect((await victim.request('meta.get', { uid: 'victim' })).data.items).toMatchObject([{ key: 'role', value: 'user' }]);
    expect((await victim.request('meta.get', { uid: 'attacker' })).data.items).toMatchObject([{ key: 'role', value: 'admin', by: '' }]);
  });

  it('refuses prototype keys and malformed operations as BAD_FRAME', async () => {
    const server = await h.start();
    const { client: attacker } = await h.login(server, 'attacker');
    expect(await raw(attacker, { t: 'uattr.write', op: 'drop-all' })).toMatchObject({ t: 'err', code: 'BAD_FRAME' });
    attacker.sendRaw('{"t":"uattr.write","id":77,"op":"set","attrs":{"__proto__":{"polluted":"yes"}}}');
    expect(await attacker.next((f) => f.t === 'err' && f.id === 77)).toMatchObject({ code: 'BAD_FRAME' });
    attacker.sendRaw('{"t":"cattr.write","id":78,"ch":"room","op":"set","attrs":{"__proto__":"x"}}');
    expect(await attacker.next((f) => f.t === 'err' && f.id === 78)).toMatchObject({ code: 'BAD_FRAME' });
    expect(await raw(attacker, { t: 'uattr.write', op: 'set', attrs: { a: 1 } })).toMatchObject({ t: 'err', code: 'BAD_FRAME' });
    expect(await raw(attacker, { t: 'meta.write', op: 'set', items: [{ key: 'a', value: 'b', rev: 'x' }], major: -1 })).toMatchObject({ code: 'BAD_FRAME' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps every app’s attributes, metadata and notifications out of reach of other apps', async () => {
    const server = await h.start();
    const { client: victim } = await h.login(server, 'victim');
    await victim.request('ch.join', { ch: 'room' });
    await victim.request('uattr.write', { op: 'set', attrs: { secret: 's' } });
    await victim.request('cattr.write', { ch: 'room', op: 'set', attrs: { secret: 's' } });
    await victim.request('meta.write', { op: 'set', items: [{ key: 'secret', value: 's', rev: -1 }], major: -1 });
    await victim.request('meta.write', { ch: 'room', op: 'set', items: [{ key: 'secret', value: 's', rev: -1 }], major: -1 });
    victim.drop();

    const { client: attacker } = await h.login(server, 'attacker', { appId: OTHER_APP_ID });
    expect(await attacker.errorCode('uattr.get', { uid: 'victim' })).toBe('PEER_OFFLINE');
    expect((await attacker.request('cattr.get', { ch: 'room' })).attrs).toEqual({});
    expect((await attacker.request('meta.get', { uid: 'victim' })).data).toEqual({ major: 0, items: [] });
    await attacker.request('ch.join', { ch: 'room' });
    expect((await attacker.request('meta.get', { ch: 'room' })).data).toEqual({ major: 0, items: [] });
    await attacker.request('meta.sub', { uid: 'victim' });
    await attacker.request('cattr.write', { ch: 'room', op: 'set', attrs: { secret: 'overwritten' }, notify: true });
    await attacker.request('meta.write', { ch: 'room', op: 'clear', items: [], major: -1 });
    await victim.request('uattr.write', { op: 'set', attrs: { secret: 's2' } });
    await victim.request('meta.write', { op: 'set', items: [{ key: 'secret', value: 's2', rev: -1 }], major: -1 });
    await victim.request('cattr.write', { ch: 'room', op: 'merge', attrs: { more: 'm' }, notify: true });

    const victimUpdate = await victim.nextEvent('cattr.update');
    expect(victimUpdate.attrs['secret']).toMatchObject({ value: 's', by: 'victim' });
    const leaked = await attacker.collect((f) => f.t === 'meta.update' && f.uid === 'victim', 150);
    expect(leaked).toEqual([]);
    expect((await attacker.collect((f) => f.t === 'cattr.update', 0)).map((f) => (f.t === 'cattr.update' ? Object.keys(f.attrs) : []))).toEqual([['secret']]);
    expect((await victim.request('meta.get', { ch: 'room' })).data.items).toHaveLength(1);
  });

  it('cannot read or write the metadata of a channel it has not joined', async () => {
    const server = await h.start();
    const { client: member } = await h.login(server, 'member');
    await member.request('ch.join', { ch: 'private' });
    await member.request('meta.write', { ch: 'private', op: 'set', items: [{ key: 'k', value: 'v', rev: -1 }], major: -1 });
    const { client: attacker } = await h.login(server, 'attacker');
    expect(await attacker.errorCode('meta.get', { ch: 'private' })).toBe('NOT_IN_CHANNEL');
    expect(await attacker.errorCode('meta.write', { ch: 'private', op: 'clear', items: [], major: -1 })).toBe('NOT_IN_CHANNEL');
    expect((await member.request('meta.get', { ch: 'private' })).data.items).toHaveLength(1);
  });

  it('cannot become another user: no token, its own token, a resume id or renewToken', async () => {
    const server = await h.start({ apps: { [CERT_APP_ID]: { certificate: CERTIFICATE }, [TEST_APP_ID]: {} } });
    const { client: victim, reply } = await h.login(server, 'victim', { appId: CERT_APP_ID, token: official006('victim') });
    await victim.request('uattr.write', { op: 'set', attrs: { a: '1' } });
    const login = (c: RawClient, extra: Record<string, unknown>) =>
      c.errorCode('login', { v: PROTOCOL_VERSION, appId: CERT_APP_ID, uid: 'victim', instance: 'evil', ...extra });
    expect(await login(await h.connect(server), {})).toBe('TOKEN_REQUIRED');
    expect(await login(await h.connect(server), { token: official007('attacker') })).toBe('TOKEN_USER_MISMATCH');
    expect(await login(await h.connect(server), { token: CERT_APP_ID, resume: reply.session })).toBe('TOKEN_REQUIRED');
    // A stolen resume id with the attacker's own identity resumes nothing: it is a fresh session of the attacker.
    const { client: attacker, reply: attackerReply } = await h.login(server, 'attacker', { appId: CERT_APP_ID, token: official006('attacker'), resume: reply.session });
    expect(attackerReply.resumed).toBe(false);
    expect(await attacker.errorCode('token.renew', { token: official006('victim') })).toBe('TOKEN_USER_MISMATCH');
    await attacker.request('uattr.write', { op: 'clear' });
    expect((await attacker.request('uattr.get', { uid: 'victim' })).attrs).toEqual({ a: '1' });
    expect(victim.closeStatus).toBeNull();
  });
});
