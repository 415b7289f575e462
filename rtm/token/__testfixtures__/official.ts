/**
 * The official builders (dev dependencies), loaded through require because their internals have no typings.
 * Used only as an oracle in tests.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface OfficialAccessToken006 {
  salt: number;
  ts: number;
  messages: Record<number, number>;
  addPriviledge(privilege: number, expireTimestamp: number): void;
  build(): string;
  fromString(token: string): boolean;
}

interface OfficialService007 {
  __privileges: Record<number, number>;
  __user_id: Buffer | string;
  add_privilege(privilege: number, expire: number): void;
}

export interface OfficialAccessToken2 {
  appId: string;
  issueTs: number;
  expire: number;
  salt: number;
  add_service(service: OfficialService007): void;
  getServices(type: number): OfficialService007[];
  build(): string;
  from_string(token: string): boolean;
  verifySignature(certificate: string): boolean;
}

type AccessToken006Ctor = new (appId: string, certificate: string, channel: string, uid: string) => OfficialAccessToken006;

const accessToken006 = require('agora-access-token/src/AccessToken.js') as { AccessToken: AccessToken006Ctor };
/** agora-token's copy of 006, whose fromString reads the App ID correctly. */
const accessToken006Parser = require('agora-token/src/AccessToken.js') as {
  AccessToken: new (...args: string[]) => OfficialAccessToken006 & { appID: string };
};
const accessToken2 = require('agora-token/src/AccessToken2.js') as {
  AccessToken2: new (appId: string, certificate: string, issueTs: number, expire: number) => OfficialAccessToken2;
  ServiceRtm: new (userId: string) => OfficialService007;
  ServiceRtc: new (channel: string, uid: string | number) => OfficialService007;
};
const legacyRtmBuilder = require('agora-token/src/RtmTokenBuilder.js') as {
  RtmTokenBuilder: { buildToken(appId: string, certificate: string, account: string, role: number, privilegeExpiredTs: number): string };
};
const signalingToken = require('agora-access-token/src/SignalingToken.js') as {
  get(appId: string, certificate: string, account: string, validTimeInSeconds: number): string;
};

export { legacyRtmBuilder, signalingToken };

/** 006 exactly as `agora-access-token` builds it, with salt and ts pinned the way Agora's own unit test does. */
export function official006(
  appId: string,
  certificate: string,
  account: string,
  privilegeExpiredTs: number,
  salt: number,
  ts: number,
  privilege = 1000,
): string {
  const token = new accessToken006.AccessToken(appId, certificate, account, '');
  token.salt = salt;
  token.ts = ts;
  token.addPriviledge(privilege, privilegeExpiredTs);
  return token.build();
}

export function officialParse006(token: string): (OfficialAccessToken006 & { appID: string }) | undefined {
  const parsed = new accessToken006Parser.AccessToken('', '', '', '');
  return parsed.fromString(token) ? parsed : undefined;
}

/** 007 RTM token exactly as `agora-token` builds it, with issueTs and salt pinned. */
export function official007(
  appId: string,
  certificate: string,
  userId: string,
  expire: number,
  issueTs: number,
  salt: number,
  loginPrivilege = expire,
): string {
  const token = new accessToken2.AccessToken2(appId, certificate, issueTs, expire);
  token.salt = salt;
  const service = new accessToken2.ServiceRtm(userId);
  service.add_privilege(1, loginPrivilege);
  token.add_service(service);
  return token.build();
}

/** An RTC + RTM token, like RtcTokenBuilder.buildTokenWithRtm: the RTM service comes second. */
export function official007RtcAndRtm(appId: string, certificate: string, userId: string, expire: number, issueTs: number): string {
  const token = new accessToken2.AccessToken2(appId, certificate, issueTs, expire);
  const rtc = new accessToken2.ServiceRtc('some-channel', userId);
  rtc.add_privilege(1, expire);
  token.add_service(rtc);
  const rtm = new accessToken2.ServiceRtm(userId);
  rtm.add_privilege(1, expire);
  token.add_service(rtm);
  return token.build();
}

export function officialParse007(token: string): OfficialAccessToken2 | undefined {
  const parsed = new accessToken2.AccessToken2('', '', 0, 0);
  return parsed.from_string(token) ? parsed : undefined;
}

/** An RTM token plus a service of a type the parsers do not know, packed by the official builder. */
export function official007WithUnknownService(
  appId: string,
  certificate: string,
  userId: string,
  expire: number,
  issueTs: number,
  unknownType: number,
): string {
  const token = new accessToken2.AccessToken2(appId, certificate, issueTs, expire);
  const rtm = new accessToken2.ServiceRtm(userId);
  rtm.add_privilege(1, expire);
  token.add_service(rtm);
  const unknown = {
    service_type: () => unknownType,
    pack: () => Buffer.concat([Buffer.from([unknownType & 0xff, unknownType >> 8]), Buffer.from('opaque future payload')]),
  };
  token.add_service(unknown as unknown as OfficialService007);
  return token.build();
}
