/** Messages between the compat runner (parent) and one role's process (child), over Node IPC. */

export type Side = 'shim' | 'converted' | 'native';

export interface RoleStart {
  type: 'start';
  /** Absolute path of the module to load (the legacy scenario, its codemod output, or a native twin). */
  module: string;
  role: string;
  side: Side;
  appId: string;
  /** The App ID's REST secret on the runner's server (for server-side features such as forced channel sends). */
  restSecret?: string;
}

export type ParentToRole = RoleStart | { type: 'barrier-open'; name: string } | { type: 'fault-done'; id: number };

export type FaultKind = 'cut' | 'restart-server';

export type RoleToParent =
  | { type: 'trace'; entry: unknown[] }
  | { type: 'barrier'; name: string }
  | { type: 'fault'; id: number; kind: FaultKind; ms: number }
  | { type: 'usage'; ids: Record<string, number> }
  | { type: 'done' }
  | { type: 'failed'; error: string };
