import { describe, expect, test } from 'vitest';
import { compilePattern, isIgnored } from './glob.js';
import type { IgnoreRule } from './glob.js';
import { mentionsLegacyApi } from './prefilter.js';
import { OverlappingEditsError, renderEdits, tokenFor } from './splice.js';
import type { MovedRange } from './splice.js';

describe('text splices', () => {
  const render = (text: string, edits: { start: number; end: number; text: string }[], moved: MovedRange[] = []): string => renderEdits(text, edits, moved, 0, text.length);

  test('apply from the end and keep insertions in recording order, before a replacement at the same place', () => {
    expect(render('abcdef', [{ start: 1, end: 3, text: 'X' }, { start: 1, end: 1, text: '1' }, { start: 1, end: 1, text: '2' }, { start: 6, end: 6, text: '!' }])).toBe('a12Xdef!');
  });

  test('overlapping rewrites are refused', () => {
    expect(() => render('abcdef', [{ start: 0, end: 3, text: 'X' }, { start: 2, end: 4, text: 'Y' }])).toThrow(OverlappingEditsError);
  });

  test('moved text keeps the rewrites made inside it, dedented and re-indented where it lands', () => {
    const text = 'call(a, function () {\n    inner();\n  });\nrest';
    const fnStart = text.indexOf('function');
    const fnEnd = text.indexOf('})') + 1;
    const moved: MovedRange[] = [{ start: fnStart, end: fnEnd, dedent: '  ' }];
    const innerStart = text.indexOf('inner');
    const edits = [
      { start: 0, end: fnEnd + 1, text: `other(a)\n  .then(${tokenFor(0)})` },
      { start: innerStart, end: innerStart + 'inner'.length, text: 'renamed' },
    ];
    expect(render(text, edits, moved)).toBe('other(a)\n  .then(function () {\n    renamed();\n  });\nrest');
  });
});

describe('ignore globs', () => {
  const rules = (...patterns: string[]): IgnoreRule[] => patterns.flatMap((pattern) => compilePattern(pattern) ?? []);

  test.each([
    [['dist/'], 'dist', true, true],
    [['dist/'], 'src/dist', true, true],
    [['dist/'], 'dist', false, false],
    [['/build'], 'build/x.js', false, true],
    [['/build'], 'src/build/x.js', false, false],
    [['*.min.js'], 'vendor/a.min.js', false, true],
    [['legacy/**'], 'legacy/a/b.js', false, true],
    [['*.js', '!keep.js'], 'keep.js', false, false],
    [['# comment', ''], 'a.js', false, false],
  ] as const)('%j matches %s (dir: %s) → %s', (patterns, path, isDirectory, expected) => {
    expect(isIgnored(rules(...patterns), path, isDirectory)).toBe(expected);
  });
});

describe('pre-filter', () => {
  test.each([
    ['var s = Signal(appId);', true],
    ["import AgoraSignal from '../AgoraSig-1.4.0';", true],
    ["session.invoke('io.agora.signal.user_query_user_status', {}, cb);", true],
    ['channel.messageChannelSend(text);', true],
    ['if (state === LOGIN_STATE_LOGINED) {}', true],
    ['// TODO(resignal: SIG_GET_STATUS): …', true],
    ["auth.login('a', 'b'); user.onLoginSuccess = f;", false],
    ['export const signal = createSignal(0);', false],
  ])('%s → %s', (text, expected) => {
    expect(mentionsLegacyApi(text)).toBe(expected);
  });
});
