/**
 * Renders docs/api-map.md from the API map. Pure (no I/O): the generator script writes the result
 * and a test compares it with the committed file, so the docs can never go stale.
 */
import {
  API_MAP,
  CODEMOD_RULES,
  LEGACY_ERROR_CODES,
  LEGACY_ERROR_DESCRIPTIONS,
  MUST_REPRODUCE,
  legacyDisplayName,
  type ApiEntry,
  type ApiSurface,
  type LegacyErrorName,
  type SupportLevel,
} from './api-map.js';

export const REGENERATE_COMMAND = 'npm run docs:gen';

const SUPPORT_LEVELS: readonly SupportLevel[] = ['native', 'emulated', 'unsupported'];
const SURFACES: readonly { readonly api: ApiSurface; readonly title: string }[] = [
  { api: 'web', title: 'Web API' },
  { api: 'flat', title: 'Flat (native) API' },
];

const SUPPORT_TEXT: Record<SupportLevel, string> = {
  native: 'native — a direct RTM 1.x call',
  emulated: 'emulated — RTM 1.x lacks it; the shim reproduces it',
  unsupported: 'unsupported — fails with a clear error, as the legacy SDK failed',
};

/** The anchor GitHub gives a heading (lower case, punctuation dropped, spaces → '-'). */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Pipes end a table cell even inside code spans. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function codemodText(entry: ApiEntry): string {
  return entry.codemod.result === 'convert' ? 'converts' : `TODO(resignal: ${entry.id})`;
}

function renderIntro(): string[] {
  return [
    '# Legacy Signaling API → RTM 1.x',
    '',
    `<!-- Generated from shim/api-map.ts by \`${REGENERATE_COMMAND}\`. Do not edit by hand: CI fails when this file is stale. -->`,
    '',
    'Every element of the retired Signaling SDK — the Web API (`Signal`, session, channel, call, `invoke` functions,',
    'globals) and the native flat API (iOS `AgoraAPI`, Android `AgoraAPIOnlySignal`, C++ `IAgoraAPI`) — has one row',
    'here with a stable ID. The same ID appears in:',
    '',
    '- the shim\'s one-time deprecation warning (`[resignal] SIG_…: … See docs/api-map.md#sig_…`);',
    '- the codemod\'s report and its `TODO(resignal: SIG_…)` comments;',
    '- the compat tests, which cover every ID with at least one scenario.',
    '',
    'Flat API members are written `agoraAPI.name` after the iOS object; Android and C++ use the same member names.',
    '',
    'Support levels:',
    '',
    ...SUPPORT_LEVELS.map((level) => `- **${SUPPORT_TEXT[level]}**`),
    '',
    'Codemod: **converts** means `npx resignal codemod run` rewrites the call site to RTM 1.x; **TODO** means it leaves',
    'a `TODO(resignal: ID)` comment because a safe rewrite needs a human decision.',
    '',
    'Warnings are configured at runtime with `configureDeprecations({ mode, ids })` (modes `warn`, `silent`, `trace`);',
    '`getLegacyUsageReport()` lists every ID the app used, most used first.',
    '',
  ];
}

function renderTotals(): string[] {
  const lines = ['## Totals', '', '| API | IDs | native | emulated | unsupported | codemod converts | codemod TODO |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const { api, title } of SURFACES) {
    const rows = API_MAP.filter((e) => e.api === api);
    const bySupport = SUPPORT_LEVELS.map((level) => rows.filter((e) => e.support === level).length);
    const converts = rows.filter((e) => e.codemod.result === 'convert').length;
    lines.push(`| ${title} | ${rows.length} | ${bySupport.join(' | ')} | ${converts} | ${rows.length - converts} |`);
  }
  lines.push('');
  return lines;
}

function renderSummary(): string[] {
  const lines = ['## Summary', ''];
  for (const { api, title } of SURFACES) {
    lines.push(`### ${title} summary`, '', '| ID | Legacy | RTM 1.x | Support | Codemod |', '| --- | --- | --- | --- | --- |');
    for (const entry of API_MAP.filter((e) => e.api === api)) {
      const rtm = entry.rtm === null ? '—' : code(entry.rtm);
      lines.push(
        `| [${entry.id}](${entry.docs}) | ${cell(code(legacyDisplayName(entry)))} | ${cell(rtm)} | ${entry.support} | ${entry.codemod.result === 'convert' ? 'converts' : 'TODO'} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

function renderMustReproduce(): string[] {
  const lines = [
    '## Behaviours the shim reproduces exactly',
    '',
    'Legacy behaviours that apps depend on; the shim keeps each of them and the compat tests check them.',
    '',
  ];
  for (const item of MUST_REPRODUCE) {
    const ids = item.ids.map((id) => `[${id}](#${id.toLowerCase()})`).join(', ');
    lines.push(`${item.item}. ${item.behaviour} (${ids})`);
  }
  lines.push('');
  return lines;
}

function renderErrorCodes(): string[] {
  const lines = [
    '## Legacy error codes',
    '',
    'The `ecode` values of the legacy callbacks; the shim exports each as a named constant.',
    '',
    '| name | value | meaning |',
    '| --- | ---: | --- |',
  ];
  for (const name of Object.keys(LEGACY_ERROR_CODES) as LegacyErrorName[]) {
    lines.push(`| ${code(name)} | ${LEGACY_ERROR_CODES[name]} | ${cell(LEGACY_ERROR_DESCRIPTIONS[name])} |`);
  }
  lines.push('');
  return lines;
}

function renderEntry(entry: ApiEntry): string[] {
  const lines = [
    `### ${entry.id}`,
    '',
    `${code(legacyDisplayName(entry))} — ${entry.kind} of ${entry.owner === 'Flat' ? 'the flat API' : entry.owner}`,
    '',
    `- **Signature:** ${code(entry.signature)}`,
  ];
  if (entry.aliases.length > 0) lines.push(`- **Also written:** ${entry.aliases.map(code).join(', ')}`);
  lines.push(
    `- **RTM 1.x:** ${entry.rtm === null ? 'none' : code(entry.rtm)}`,
    `- **Support:** ${SUPPORT_TEXT[entry.support]}`,
  );
  if (entry.notes !== null) lines.push(`- **How:** ${entry.notes}`);
  lines.push(
    `- **Codemod:** rule ${code(entry.codemod.rule)}, ${entry.codemod.result === 'convert' ? 'converts automatically' : `leaves ${code(codemodText(entry))}`}`,
    `- **Warning:** ${entry.warning}`,
  );
  if (entry.differences.length > 0) {
    lines.push('', 'Differences from the legacy SDK:', '', ...entry.differences.map((d) => `- ${d}`));
  }
  lines.push('');
  return lines;
}

function renderReference(): string[] {
  const lines: string[] = [];
  for (const { api, title } of SURFACES) {
    lines.push(`## ${title} reference`, '');
    for (const entry of API_MAP.filter((e) => e.api === api)) lines.push(...renderEntry(entry));
  }
  return lines;
}

function renderRules(): string[] {
  const lines = ['## Codemod rules', '', '| rule | IDs | converts | TODO |', '| --- | ---: | ---: | ---: |'];
  for (const rule of CODEMOD_RULES) {
    const rows = API_MAP.filter((e) => e.codemod.rule === rule);
    const converts = rows.filter((e) => e.codemod.result === 'convert').length;
    lines.push(`| ${code(rule)} | ${rows.length} | ${converts} | ${rows.length - converts} |`);
  }
  lines.push('');
  return lines;
}

/** The full text of docs/api-map.md. */
export function renderApiMapDoc(): string {
  const lines = [
    ...renderIntro(),
    ...renderTotals(),
    ...renderSummary(),
    ...renderMustReproduce(),
    ...renderErrorCodes(),
    ...renderRules(),
    ...renderReference(),
  ];
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
