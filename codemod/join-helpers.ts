/**
 * Helpers of the converted login and channel join (see helpers.ts for the contract: emitted once per file, at its
 * end, as hoisted function declarations). The error mappings are written out from the API map's tables, which the
 * shim maps RTM errors with (shim/failure.ts), so converted code reports the legacy values the shim reports.
 */
import { FAILURE_STRINGS, LOGIN_FAILURE_CODES, type RtmErrorMapping } from '../shim/api-map.js';

export const JOIN_HELPERS = ['legacyLoginErrorCode', 'legacyFailureString', 'deliverMemberListFirst'] as const;
export type JoinHelperName = (typeof JOIN_HELPERS)[number];

export function isJoinHelper(name: string): name is JoinHelperName {
  return (JOIN_HELPERS as readonly string[]).includes(name);
}

/** The channel events legacy Signaling reported only after `onChannelUserList` (messages, members joining or leaving). */
const HELD_EVENTS = ['ChannelMessage', 'MemberJoined', 'MemberLeft'] as const;

/** A self-contained function that maps an RTM error the way `mapping` says: one `if` per rule. */
function errorMappingSource<T>(name: string, doc: string, mapping: RtmErrorMapping<T>, returnType: string, typescript: boolean): string {
  const t = (annotation: string): string => (typescript ? annotation : '');
  const field = (key: string): string => `typeof error === 'object' && error !== null && '${key}' in error`;
  const conditions = (rule: RtmErrorMapping<T>['rules'][number]): string =>
    [`name === '${rule.name}'`, ...(rule.code === undefined ? [] : [`code === ${rule.code}`])].join(' && ');
  const value = (legacy: T): string => (typeof legacy === 'string' ? `'${legacy}'` : String(legacy));
  return [
    `/** ${doc} */`,
    `function ${name}(error${t(': unknown')})${t(`: ${returnType}`)} {`,
    `  const name = ${field('name')} && typeof error.name === 'string' ? error.name : '';`,
    `  const code = ${field('code')} ? error.code : undefined;`,
    ...mapping.rules.map((rule) => `  if (${conditions(rule)}) return ${value(rule.legacy)};`),
    `  return ${value(mapping.otherwise)};`,
    '}',
  ].join('\n');
}

export function joinHelperSource(name: JoinHelperName, typescript: boolean): string {
  const t = (annotation: string): string => (typescript ? annotation : '');
  switch (name) {
    case 'legacyLoginErrorCode':
      return errorMappingSource(
        name,
        'The legacy onLoginFailed code for an RTM login error (201 network, 204 token expired, 206 invalid token, 209 invalid account), as the shim reports it.',
        LOGIN_FAILURE_CODES,
        'number',
        typescript,
      );
    case 'legacyFailureString':
      return errorMappingSource(
        name,
        "The legacy failure string for an RTM error (e.g. onChannelJoinFailed's argument), as the shim reports it.",
        FAILURE_STRINGS,
        'string',
        typescript,
      );
    case 'deliverMemberListFirst': {
      const events = HELD_EVENTS.map((event) => `'${event}'`);
      const eventType = events.join(' | ');
      const channelType = `{ getMembers(): Promise<string[]>; listeners(event: ${eventType}): Function[]; on(event: ${eventType}, listener: Function): unknown; off(event: ${eventType}, listener: Function): unknown }`;
      return [
        '/**',
        ' * Calls `deliver` with the members of a channel just joined. Legacy Signaling reported the member list before any',
        " * message or member event of the channel, so the channel's listeners are set aside until `deliver` has run; the",
        ' * events that arrive meanwhile are then handed to them in order.',
        ' */',
        `function deliverMemberListFirst(channel${t(`: ${channelType}`)}, deliver${t(': (members: string[]) => void')})${t(': Promise<void>')} {`,
        `  const held${t(': (() => void)[]')} = [];`,
        `  const restores = ${typescript ? `([${events.join(', ')}] as const)` : `[${events.join(', ')}]`}.map((event) => {`,
        '    const listeners = channel.listeners(event);',
        `    const hold = (...args${t(': unknown[]')}) => {`,
        '      held.push(() => {',
        '        for (const listener of listeners) {',
        '          try {',
        '            listener(...args);',
        '          } catch (error) {',
        '            console.error(error); // as RTM does with an exception thrown by a listener',
        '          }',
        '        }',
        '      });',
        '    };',
        '    for (const listener of listeners) channel.off(event, listener);',
        '    channel.on(event, hold);',
        '    return () => {',
        '      channel.off(event, hold);',
        '      for (const listener of listeners) channel.on(event, listener);',
        '    };',
        '  });',
        '  return channel.getMembers().then(deliver).finally(() => {',
        '    for (const restore of restores) restore();',
        '    for (const replay of held) replay();',
        '  });',
        '}',
      ].join('\n');
    }
  }
}
