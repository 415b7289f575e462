/** `<script>` blocks of `.vue` and `.html` files, as ranges of the file text. */
export interface ScriptBlock {
  readonly start: number;
  readonly end: number;
  readonly typescript: boolean;
  readonly module: boolean;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const JS_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/babel', 'text/jsx']);

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

export function scriptBlocks(text: string, kind: 'vue' | 'html'): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  for (const match of text.matchAll(SCRIPT)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (attribute(attributes, 'src') !== undefined) continue;
    const type = (attribute(attributes, 'type') ?? '').toLowerCase();
    if (!JS_TYPES.has(type)) continue;
    const lang = (attribute(attributes, 'lang') ?? '').toLowerCase();
    const start = (match.index ?? 0) + match[0].indexOf('>') + 1;
    blocks.push({ start, end: start + body.length, typescript: lang === 'ts' || lang === 'tsx', module: kind === 'vue' || type === 'module' });
  }
  return blocks;
}

const SCRIPT_SRC = /<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)[^>]*>/gi;

/** Start offsets of `<script src="…">` tags that load the legacy SDK. */
export function legacyScriptTags(text: string, isLegacy: (specifier: string) => boolean): number[] {
  return [...text.matchAll(SCRIPT_SRC)].filter((match) => isLegacy(match[1] ?? '')).map((match) => match.index ?? 0);
}
