/**
 * The part of the RTM 1.x Web client API (agora-rtm-sdk@1.6.0 typings) that the shim uses. Declared here, not
 * imported, so the shim runs on any RTM 1.x-compatible client: resignal's own or an injected one.
 * `rtm-types.typetest.ts` proves the official typings satisfy these interfaces.
 */

export interface RtmTextMessageLike {
  text: string;
  messageType?: 'TEXT';
}

/** A received message: TEXT carries `text`, RAW carries `rawMessage` (and an optional `description`). */
export interface RtmReceivedMessageLike {
  text?: string;
  rawMessage?: Uint8Array;
  description?: string;
  messageType?: string;
}

export type AttributesMapLike = Record<string, string>;

export interface ChannelAttributePropertiesLike {
  value: string;
  lastUpdateUserId?: string;
  lastUpdateTs?: number;
}

export type ChannelAttributesLike = Record<string, ChannelAttributePropertiesLike>;

export interface ChannelAttributeOptionsLike {
  enableNotificationToChannelMembers?: boolean;
}

/** Anything the shim subscribes to; `off` receives exactly the function given to `on`. */
export interface EmitterLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface RtmChannelLike extends EmitterLike {
  readonly channelId: string;
  join(): Promise<void>;
  leave(): Promise<void>;
  sendMessage(message: RtmTextMessageLike): Promise<void>;
  getMembers(): Promise<string[]>;
}

export interface LocalInvitationLike extends EmitterLike {
  readonly calleeId: string;
  readonly state: string;
  readonly response: string;
  content: string;
  channelId: string;
  send(): void;
  cancel(): void;
}

export interface RemoteInvitationLike extends EmitterLike {
  readonly callerId: string;
  readonly channelId: string;
  readonly content: string;
  readonly state: string;
  response: string;
  accept(): void;
  refuse(): void;
}

export interface RtmClientLike extends EmitterLike {
  login(options: { uid: string; token?: string }): Promise<void>;
  logout(): Promise<void>;
  sendMessageToPeer(message: RtmTextMessageLike, peerId: string): Promise<{ hasPeerReceived: boolean }>;
  createChannel(channelId: string): RtmChannelLike;
  queryPeersOnlineStatus(peerIds: string[]): Promise<Record<string, boolean>>;
  /* Optional, because a minimal client may lack them; the shim checks at run time and fails the legacy way. */
  createLocalInvitation?(calleeId: string): LocalInvitationLike;
  addOrUpdateLocalUserAttributes?(attributes: AttributesMapLike): Promise<void>;
  deleteLocalUserAttributesByKeys?(attributeKeys: string[]): Promise<void>;
  getUserAttributes?(userId: string): Promise<AttributesMapLike>;
  getUserAttributesByKeys?(userId: string, attributeKeys: string[]): Promise<AttributesMapLike>;
  getChannelMemberCount?(channelIds: string[]): Promise<Record<string, number>>;
  getChannelAttributes?(channelId: string): Promise<ChannelAttributesLike>;
  addOrUpdateChannelAttributes?(channelId: string, attributes: AttributesMapLike, options?: ChannelAttributeOptionsLike): Promise<void>;
  deleteChannelAttributesByKeys?(channelId: string, attributeKeys: string[], options?: ChannelAttributeOptionsLike): Promise<void>;
  clearChannelAttributes?(channelId: string, options?: ChannelAttributeOptionsLike): Promise<void>;
}

/** How the shim obtains one RTM client per legacy session (every `signal.login()` opens its own connection). */
export type RtmClientFactory = (appId: string) => RtmClientLike;

/** The fields the shim reads from a rejected RTM promise (official errors: `name` + numeric `code`). */
export interface RtmErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}
