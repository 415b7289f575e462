/**
 * Module specifiers that load the legacy Signaling API: a vendored SDK file (`./vendor/AgoraSig-1.4.0.js`,
 * recognised by the codemod's own test) and resignal's shims, which are the legacy API too.
 */
import { isLegacyModuleSpecifier } from '../codemod/analysis/legacy-names.js';

export type LegacyModule = 'web' | 'flat';

const SHIM = /^resignal\/shim(?:\/(global|flat))?$/;

export function legacyModuleOf(specifier: string, extra: readonly string[] = []): LegacyModule | undefined {
  const shim = SHIM.exec(specifier);
  if (shim) return shim[1] === 'flat' ? 'flat' : 'web';
  return isLegacyModuleSpecifier(specifier) || extra.includes(specifier) ? 'web' : undefined;
}
