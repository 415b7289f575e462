/**
 * The apps file: which App IDs a server serves and how each one authenticates.
 * `{ "<appId>": { "certificate": "<32 hex>", "restSecret": "…" }, "<appId2>": {} }` — an entry without a
 * certificate is an App-ID-only app (no token); with a certificate every login needs a valid token.
 */
import { readFile } from 'node:fs/promises';
import { isValidAppId } from '../protocol/ids.js';

export interface AppConfig {
  /** App Certificate, 32 hex characters. Absent: App-ID-only app. */
  readonly certificate?: string;
  /** Secret of the server REST API for this app (used by the REST module). */
  readonly restSecret?: string;
  /** Free text for operators. */
  readonly description?: string;
}

/** Validated apps, keyed by App ID exactly as written in the file. */
export type AppsRegistry = ReadonlyMap<string, AppConfig>;

/** A bad apps file or `apps` option; `message` says what and where. */
export class AppsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppsConfigError';
  }
}

const CERTIFICATE = /^[0-9a-fA-F]{32}$/;
const FIELDS: Record<keyof AppConfig, (value: unknown) => string | null> = {
  certificate: (v) => (typeof v === 'string' && CERTIFICATE.test(v) ? null : 'must be 32 hexadecimal characters'),
  restSecret: (v) => (typeof v === 'string' && v.length >= 16 ? null : 'must be a string of at least 16 characters'),
  description: (v) => (typeof v === 'string' ? null : 'must be a string'),
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a parsed apps object (the file's JSON, or the `apps` server option). Throws AppsConfigError. */
export function parseApps(input: unknown, source = 'apps'): AppsRegistry {
  if (input instanceof Map) input = Object.fromEntries(input as Map<string, unknown>);
  if (!isPlainObject(input)) throw new AppsConfigError(`${source}: must be a JSON object keyed by App ID`);
  const apps = new Map<string, AppConfig>();
  for (const [appId, entry] of Object.entries(input)) {
    if (!isValidAppId(appId)) throw new AppsConfigError(`${source}: "${String(appId).slice(0, 64)}" is not an App ID (32 letters or digits)`);
    if (!isPlainObject(entry)) throw new AppsConfigError(`${source}: the entry of App ID ${appId} must be an object (use {} for an App-ID-only app)`);
    const app: Record<string, string> = {};
    for (const [field, value] of Object.entries(entry)) {
      const check = Object.hasOwn(FIELDS, field) ? FIELDS[field as keyof AppConfig] : undefined;
      if (!check) {
        throw new AppsConfigError(`${source}: App ID ${appId} has an unknown field "${field}" (known: ${Object.keys(FIELDS).join(', ')})`);
      }
      const problem = check(value);
      if (problem) throw new AppsConfigError(`${source}: "${field}" of App ID ${appId} ${problem}`);
      app[field] = value as string;
    }
    apps.set(appId, app);
  }
  if (apps.size === 0) throw new AppsConfigError(`${source}: lists no App ID; remove it to run in open development mode`);
  return apps;
}

/** Reads and validates an apps file. Throws AppsConfigError with the path in the message. */
export async function loadAppsFile(path: string): Promise<AppsRegistry> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppsConfigError(`${path}: cannot read the apps file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppsConfigError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return parseApps(json, path);
}
