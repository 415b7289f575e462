import type { HelperName } from './types.js';

/**
 * Small functions emitted once per file (at its end; function declarations are hoisted) where RTM
 * differs from legacy Signaling and the converted code reproduces the legacy behaviour.
 */
export function helperSource(name: HelperName, typescript: boolean): string {
  const t = (annotation: string): string => (typescript ? annotation : '');
  switch (name) {
    case 'legacyLoginErrorCode':
      return [
        '/** The legacy onLoginFailed code for an RTM login error (legacy codes 201 network, 204 token expired, 206 invalid token). */',
        `function legacyLoginErrorCode(error${t(': unknown')})${t(': number')} {`,
        "  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;",
        '  if (code === 6) return 204;',
        '  if (code === 3 || code === 5) return 206;',
        '  return 201;',
        '}',
      ].join('\n');
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
