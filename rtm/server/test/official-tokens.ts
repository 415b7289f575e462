/** Tokens made by the official public builders (dev dependencies), for login tests. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const accessToken = require('agora-access-token') as {
  RtmTokenBuilder: { buildToken(appId: string, certificate: string, account: string, role: number, privilegeExpiredTs: number): string };
  RtmRole: { Rtm_User: number };
};
const agoraToken = require('agora-token') as {
  RtmTokenBuilder: { buildToken(appId: string, certificate: string, userId: string, expire: number): string };
};
const signaling = require('agora-access-token/src/SignalingToken.js') as {
  get(appId: string, certificate: string, account: string, validTimeInSeconds: number): string;
};

/** App with a certificate (Agora's public test pair, lower-cased). */
export const CERT_APP_ID = '970ca35de60c44645bbae8a215061b33';
export const CERTIFICATE = '5cfd2fd1755d40ecb72977518be15d3b';
export const OTHER_CERTIFICATE = '0000000000000000000000000000000a';

/** `agora-access-token` RtmTokenBuilder (006); the login privilege ends `expireS` from now. */
export function official006(uid: string, expireS = 3600, appId = CERT_APP_ID, certificate = CERTIFICATE): string {
  return accessToken.RtmTokenBuilder.buildToken(appId, certificate, uid, accessToken.RtmRole.Rtm_User, Math.floor(Date.now() / 1000) + expireS);
}

/** `agora-token` RtmTokenBuilder (007), valid `expireS` from now. */
export function official007(uid: string, expireS = 3600, appId = CERT_APP_ID, certificate = CERTIFICATE): string {
  return agoraToken.RtmTokenBuilder.buildToken(appId, certificate, uid, expireS);
}

/** The legacy SignalingToken of the old Signaling samples. */
export function officialSignaling(uid: string, expireS = 3600, appId = CERT_APP_ID, certificate = CERTIFICATE): string {
  return signaling.get(appId, certificate, uid, expireS);
}
