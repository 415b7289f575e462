import { isValidAppId } from '../protocol/index.js';
import { RtmClient } from './client.js';
import { resolveBaseUrls, toWebSocketUrl } from './endpoint.js';
import { invalidArgument } from './errors.js';
import type { ResignalConfig } from './types.js';

const CONFIG_KEYS = new Set(['enableLogUpload', 'logFilter', 'enableCloudProxy', 'endpoint', 'reconnectBaseMs', 'reconnectMaxMs', 'invitationTimings']);
const LEGACY_AREA_CODES = new Set(['CN', 'NA', 'EU', 'AS', 'JP', 'IN', 'GLOB', 'OC', 'SA', 'AF', 'OVS']);

/** `AgoraRTM.createInstance(appId, config?)`: validates synchronously like the official SDK (rtm-1x.md §3.1). */
export function createInstance(appId: string, config: ResignalConfig = {}, areaCodes?: readonly unknown[]): RtmClient {
  if (!isValidAppId(appId)) throw invalidArgument(1, 'The appId in the arguments is invalid');
  if (typeof config !== 'object' || config === null) throw invalidArgument(1, 'Invalid RTM config');
  const unknownKeys = Object.keys(config).filter((key) => !CONFIG_KEYS.has(key));
  if (unknownKeys.length > 0) throw invalidArgument(1, `Invalid RTM config: ${unknownKeys.join(', ')}`);
  if (areaCodes !== undefined && (!Array.isArray(areaCodes) || areaCodes.length === 0 || !areaCodes.every((c: unknown) => typeof c === 'string' && LEGACY_AREA_CODES.has(c)))) {
    throw invalidArgument(undefined, areaCodes.length === 0 ? 'Invalid area config' : `Invalid area codes: ${areaCodes.map(String).join(',')}`);
  }
  let urls: string[];
  try {
    urls = resolveBaseUrls(config.endpoint).map(toWebSocketUrl);
  } catch (error) {
    throw invalidArgument(1, `Invalid endpoint: ${(error as Error).message}`);
  }
  return new RtmClient(appId, config, urls);
}
