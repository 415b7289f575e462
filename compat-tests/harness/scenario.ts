/**
 * The scenario format. A scenario is a plain JavaScript module written as legacy Signaling code (the global
 * `Signal`), default-exporting `{ name, roles }`; each role is an async function receiving a `RoleEnv`.
 * The same file runs on the shim and, converted by the codemod, on the native RTM client.
 */
import type { FaultKind } from './messages.js';

export interface RoleEnv {
  /** The App ID every role logs in with. */
  readonly appId: string;
  readonly role: string;
  /** The server's base URL as this role reaches it (through its fault proxy). */
  readonly serverUrl: string;
  /** The App ID's REST secret (server-side features, e.g. `restChannelSender`); undefined on a server the runner does not own. */
  readonly restSecret: string | undefined;
  /** Records one observable event (a legacy callback and its arguments). Traces are what gets compared. */
  trace(event: string, ...args: unknown[]): void;
  /** Resolves once this role's trace holds `count` entries named `event`. */
  until(event: string, count?: number, timeoutMs?: number): Promise<void>;
  /** Resolves when every role of the scenario has reached the barrier of this name. */
  barrier(name: string): Promise<void>;
  /** Injects a fault: 'cut' drops this role's connection for `ms`; 'restart-server' restarts the server. */
  fault(kind: FaultKind, ms?: number): Promise<void>;
  sleep(ms: number): Promise<void>;
}

export type Role = (env: RoleEnv) => Promise<void>;

export interface ScenarioModule {
  name: string;
  roles: Record<string, Role>;
  /**
   * Where the scenario runs. Default: everywhere. A scenario that exercises legacy elements the codemod leaves
   * as TODO runs on the shim only (and on its native twin if one exists), and must then give `expected`.
   */
  sides?: ('shim' | 'converted' | 'native')[];
  /** The exact trace per role the shim run must produce (required for shim-only scenarios). */
  expected?: Record<string, unknown[][]>;
}
