import { STRONG_MEMBERS } from './analysis/legacy-names.js';
import { legacyGlobals } from './api.js';

/**
 * A cheap text test run before any parsing: only files that mention the legacy API are parsed.
 * It may let through a file that turns out to be unrelated (then the file is "unchanged"), but it
 * never rejects a file the transforms would change: every rewrite needs the `Signal` factory, a
 * vendored SDK import, an `io.agora.signal.*` name, a legacy global or a member name specific to the
 * legacy API (generic ones such as `login` or `onLoginSuccess` alone are never rewritten).
 */
const LEGACY_TEXT = new RegExp(
  [
    String.raw`\bSignal\s*\(`,
    String.raw`AgoraSig`,
    String.raw`agora[-_]?signal`,
    String.raw`signal(?:\.min)?\.js`,
    String.raw`io\.agora\.signal`,
    String.raw`TODO\(resignal:`,
    String.raw`\bSignal_\b`,
    // The native flat API's factory (`AgoraAPI.getInstance(appId)`) and resignal's flat shim module.
    String.raw`\bAgoraAPI\b`,
    String.raw`resignal/shim/flat`,
    // One group for all the names: V8 scans a single `\b(?:a|b|…)\b` about three times faster than `\ba\b|\bb\b|…`.
    String.raw`\b(?:${[...new Set([...legacyGlobals().filter((name) => /^\w+$/.test(name)), ...STRONG_MEMBERS])].join('|')})\b`,
  ].join('|'),
);

export function mentionsLegacyApi(text: string): boolean {
  return LEGACY_TEXT.test(text);
}
