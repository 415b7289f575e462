/* Compile-time proof that the official agora-rtm-sdk@1.6.0 client satisfies the shim's client interface. */
import type { RtmClient } from 'agora-rtm-sdk';
import type { RtmClientFactory, RtmClientLike } from './rtm-types.js';

export const officialClientFits = (client: RtmClient): RtmClientLike => client;
export const officialFactoryFits = (createInstance: (appId: string) => RtmClient): RtmClientFactory => createInstance;
