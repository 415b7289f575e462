/**
 * Helpers of the converted login and channel join (see helpers.ts for the contract: emitted once per file, at its
 * end, as hoisted function declarations). The error mappings are written out from the API map's tables, which the
 * shim maps RTM errors with (shim/failure.ts), so converted code reports the legacy values the shim reports.
 */
import { FAILURE_STRINGS, LOGIN_FAILURE_CODES, type RtmErrorMapping } from '../shim/api-map.js';

export const JOIN_HELPERS = [
  'legacyLoginErrorCode',
  'legacyFailureString',
  'legacyInvokeFailure',
  'deliverMemberListFirst',
  'deliverLegacyChannelAttributes',
  'repeatLoginSuccessOnReconnect',
] as const;
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
    case 'legacyInvokeFailure':
      // Needs legacyFailureString (the caller emits it too).
      return [
        "/** The legacy invoke reply for an RTM error: err === ret.result, a short string such as 'not_login' (as the shim replies), and ret.reason. */",
        `function legacyInvokeFailure(error${t(': unknown')})${t(': { error: string; ret: { result: string; reason: string } }')} {`,
        '  const failure = legacyFailureString(error);',
        '  return { error: failure, ret: { result: failure, reason: String(error) } };',
        '}',
      ].join('\n');
    case 'repeatLoginSuccessOnReconnect': {
      const channelType = '{ leave(): Promise<void> }';
      const clientType = `{ createChannel(channelId: string): ${channelType}; on(event: 'ConnectionStateChanged', listener: (state: string) => void): unknown }`;
      return [
        '/**',
        ' * Legacy 1.4.x after an automatic reconnect: channels were not re-joined and onLoginSuccess fired again (apps',
        ' * re-join there). RTM re-joins by itself, so after a reconnect the channels this client created are left first',
        ' * (other members see them leave, as with the shim), then `loggedIn` runs. A channel is remembered until then.',
        ' */',
        `function repeatLoginSuccessOnReconnect(client${t(`: ${clientType}`)}, loggedIn${t(': () => void')})${t(': void')} {`,
        `  const channels = new Set${t(`<${channelType}>`)}();`,
        '  const createChannel = client.createChannel.bind(client);',
        `  client.createChannel = (channelId${t(': string')}) => {`,
        '    const channel = createChannel(channelId);',
        '    channels.add(channel);',
        '    return channel;',
        '  };',
        '  let reconnecting = false;',
        "  client.on('ConnectionStateChanged', (state) => {",
        "    const reconnected = reconnecting && state === 'CONNECTED';",
        "    reconnecting = state === 'RECONNECTING';",
        '    if (!reconnected) return;',
        '    const left = [...channels].map((channel) => channel.leave().catch(() => {}));',
        '    channels.clear();',
        '    Promise.all(left).then(loggedIn);',
        '  });',
        '}',
      ].join('\n');
    }
    case 'deliverLegacyChannelAttributes': {
      const attributesType = 'Record<string, { value: string }>';
      const clientType = `{ getChannelAttributes(channelId: string): Promise<${attributesType}> }`;
      const channelType = `{ readonly channelId: string; on(event: 'AttributesUpdated', listener: (attributes: ${attributesType}) => void): unknown }`;
      const changeType = "'update' | 'del' | 'clear'";
      return [
        '/**',
        " * Legacy onChannelAttrUpdated(name, value, type) for a channel just joined: one 'update' per attribute it has, then",
        " * one call per change. RTM's AttributesUpdated carries the whole set, so the set last seen is compared with the new",
        " * one: 'del' per vanished name, 'update' per new or changed value, one 'clear' when several vanish at once. An",
        ' * exception thrown by `handler` is logged, as legacy did.',
        ' */',
        `function deliverLegacyChannelAttributes(client${t(`: ${clientType}`)}, channel${t(`: ${channelType}`)}, handler${t(`: (name: string, value: string, type: ${changeType}) => void`)})${t(': Promise<void>')} {`,
        `  const report = (name${t(': string')}, value${t(': string')}, type${t(`: ${changeType}`)}) => {`,
        '    try {',
        '      handler(name, value, type);',
        '    } catch (error) {',
        '      console.error(error);',
        '    }',
        '  };',
        `  let known = new Map${t('<string, string>')}();`,
        `  const apply = (attributes${t(`: ${attributesType}`)}) => {`,
        '    const next = new Map(Object.entries(attributes).map(([name, attribute]) => [name, attribute.value]));',
        '    const before = known;',
        '    known = next;',
        '    if (next.size === 0 && before.size > 1) {',
        "      report('', '', 'clear');",
        '      return;',
        '    }',
        "    for (const name of before.keys()) if (!next.has(name)) report(name, '', 'del');",
        "    for (const [name, value] of next) if (before.get(name) !== value) report(name, value, 'update');",
        '  };',
        '  return client.getChannelAttributes(channel.channelId).then(apply, () => {}).then(() => {',
        "    channel.on('AttributesUpdated', apply);",
        '  });',
        '}',
      ].join('\n');
    }
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
