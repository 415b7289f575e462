/** The event maps of the public classes, exported as the `RtmEvents` type namespace like the official typings. */
export type { RtmClientEvents } from './client.js';
export type { RtmChannelEvents } from './channel.js';
export type { LocalInvitationEvents, RemoteInvitationEvents } from './invitations.js';
