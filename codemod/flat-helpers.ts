/**
 * Per-file helpers of the converted native flat API (`AgoraAPI`): the flat API reported results with
 * numeric codes and named its one joined channel by ID, where RTM has promises and channel objects.
 * Emitted once per file like the helpers of helpers.ts.
 */

export const FLAT_HELPERS = ['flatFailureCode', 'flatLoginStatus', 'flatMessageId', 'leaveFlatChannel', 'leaveFlatChannels', 'sendFlatChannelMessage', 'flatChannelMembers', 'flatErrorCode', 'flatErrorText'] as const;
export type FlatHelperName = (typeof FLAT_HELPERS)[number];

export function isFlatHelper(name: string): name is FlatHelperName {
  return (FLAT_HELPERS as readonly string[]).includes(name);
}

const LEAVABLE = 'Map<string, { leave(): Promise<void> }>';

export function flatHelperSource(name: FlatHelperName, typescript: boolean): string {
  const t = (annotation: string): string => (typescript ? annotation : '');
  switch (name) {
    case 'flatFailureCode':
      return [
        '/** The flat API\'s failure code for an RTM error: `timeoutCode` when RTM timed out, `otherCode` otherwise. */',
        `function flatFailureCode(error${t(': unknown')}, timeoutCode${t(': number')}, otherCode${t(': number')})${t(': number')} {`,
        "  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;",
        "  return name === 'RtmTimeoutError' ? timeoutCode : otherCode;",
        '}',
      ].join('\n');
    case 'flatLoginStatus':
      return [
        '/** The flat API\'s getStatus() for an RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */',
        `function flatLoginStatus(state${t(': string')})${t(': number')} {`,
        "  if (state === 'CONNECTING') return 1;",
        "  if (state === 'CONNECTED') return 2;",
        "  if (state === 'RECONNECTING') return 3;",
        '  return 0;',
        '}',
      ].join('\n');
    case 'flatMessageId':
      return [
        '/** The message ID the flat API reported: the app\'s own, or a generated decimal ID when it passed none (\'\'). */',
        `function flatMessageId(msgID${t('?: string')})${t(': string')} {`,
        "  return msgID ? msgID : `${Date.now()}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;",
        '}',
      ].join('\n');
    case 'leaveFlatChannel':
      return [
        '/** Leaves a channel joined through the flat API; resolves false when it was not the joined channel (the flat API then did nothing). */',
        `function leaveFlatChannel(channels${t(`: ${LEAVABLE}`)}, channelID${t(': string')})${t(': Promise<boolean>')} {`,
        '  const channel = channels.get(channelID);',
        '  if (!channel) return Promise.resolve(false);',
        '  channels.delete(channelID);',
        '  return channel.leave().then(() => true, () => true);',
        '}',
      ].join('\n');
    case 'leaveFlatChannels':
      return [
        '/** Leaves every channel joined through the flat API (it joined one at a time) and resolves with their IDs. */',
        `function leaveFlatChannels(channels${t(`: ${LEAVABLE}`)})${t(': Promise<string[]>')} {`,
        '  const left = [...channels.keys()];',
        '  const leaving = [...channels.values()].map((channel) => channel.leave().catch(() => {}));',
        '  channels.clear();',
        '  return Promise.all(leaving).then(() => left);',
        '}',
      ].join('\n');
    case 'flatChannelMembers':
      return [
        '/** The members of a channel joined through the flat API; like the flat API, fails for any other channel (RTM lists joined channels only). */',
        `function flatChannelMembers(channels${t(': Map<string, { getMembers(): Promise<string[]> }>')}, channelID${t(': string')})${t(': Promise<string[]>')} {`,
        '  const channel = channels.get(channelID);',
        "  return channel ? channel.getMembers() : Promise.reject(new Error('the member list of ' + channelID + ' needs this user to have joined it'));",
        '}',
      ].join('\n');
    case 'flatErrorCode':
      return [
        '/** The flat API\'s onError code for an RTM error (1003 not logged in, 1004 invalid argument, 1005 too large, 1001 otherwise). */',
        `function flatErrorCode(error${t(': unknown')})${t(': number')} {`,
        "  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;",
        "  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;",
        "  if (name === 'RtmInvalidStatusError' && code === 102) return 1003;",
        "  if (name === 'RtmInvalidArgumentError') return 1004;",
        "  if (name === 'RtmLimitExceededError') return 1005;",
        '  return 1001;',
        '}',
      ].join('\n');
    case 'flatErrorText':
      return [
        '/** The flat API\'s onError description: the error message. */',
        `function flatErrorText(error${t(': unknown')})${t(': string')} {`,
        '  return error instanceof Error ? error.message.trim() : String(error);',
        '}',
      ].join('\n');
    case 'sendFlatChannelMessage':
      return [
        '/** Sends to a channel joined through the flat API; like the flat API, fails when that channel is not joined. */',
        `function sendFlatChannelMessage(channels${t(': Map<string, { sendMessage(message: { text: string }): Promise<void> }>')}, channelID${t(': string')}, text${t(': string')})${t(': Promise<void>')} {`,
        '  const channel = channels.get(channelID);',
        "  return channel ? channel.sendMessage({ text }) : Promise.reject(new Error('channel ' + channelID + ' is not joined'));",
        '}',
      ].join('\n');
  }
}
