import { flatHelperSource, isFlatHelper } from './flat-helpers.js';
import { isJoinHelper, joinHelperSource } from './join-helpers.js';
import type { HelperName } from './types.js';
import { WEB_HELPERS, webHelperSource } from './web-helpers.js';
import type { WebHelperName } from './web-helpers.js';

const isWebHelper = (name: HelperName): name is WebHelperName => (WEB_HELPERS as readonly string[]).includes(name);

/**
 * Small functions emitted once per file (at its end; function declarations are hoisted) where RTM
 * differs from legacy Signaling and the converted code reproduces the legacy behaviour.
 */
export function helperSource(name: HelperName, typescript: boolean): string {
  if (isFlatHelper(name)) return flatHelperSource(name, typescript);
  if (isWebHelper(name)) return webHelperSource(name, typescript);
  if (isJoinHelper(name)) return joinHelperSource(name, typescript);
  const t = (annotation: string): string => (typescript ? annotation : '');
  switch (name) {
    case 'legacyLogoutCode':
      return [
        '/** The legacy onLogout code for an RTM connection state that ends the session (101 logout, 102 lost, 103 kicked). */',
        `function legacyLogoutCode(state${t(': string')}, reason${t(': string')})${t(': number | undefined')} {`,
        "  if (state === 'DISCONNECTED' && reason === 'LOGOUT') return 101;",
        "  if (state === 'ABORTED' && reason === 'REMOTE_LOGIN') return 103;",
        "  if (state === 'ABORTED') return 102;",
        '  return undefined;',
        '}',
      ].join('\n');
    case 'sendChannelMessageAndEcho':
      return [
        '/** Sends a channel message and, like legacy Signaling (and unlike RTM), delivers it to the sender\'s own listeners. */',
        `function sendChannelMessageAndEcho(channel${t(": { sendMessage(message: { text: string }): Promise<void>; listeners(event: 'ChannelMessage'): Function[] }")}, account${t(': string')}, text${t(': string')})${t(': Promise<void>')} {`,
        '  return channel.sendMessage({ text }).then(() => {',
        "    for (const listener of channel.listeners('ChannelMessage')) {",
        '      listener({ text }, account, { serverReceivedTs: Date.now() });',
        '    }',
        '  });',
        '}',
      ].join('\n');
  }
}
