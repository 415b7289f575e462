import { WireError } from './wire-error.js';

export type AuthResult = { ok: true };

/**
 * The one login authorisation decision. Open development mode: every syntactically valid App ID is accepted and
 * the token is ignored. A later issue replaces this with an apps file (certificates, 006/007 token checks) that
 * throws `WireError('TOKEN_REQUIRED' | 'INVALID_TOKEN' | …)`.
 */
export function authenticate(_appId: string, _uid: string, _token: string | undefined): Promise<AuthResult> | AuthResult {
  return { ok: true };
}

/** Helper for future authenticators. */
export function deny(code: ConstructorParameters<typeof WireError>[0], message: string): never {
  throw new WireError(code, message);
}
