/**
 * Where RTM behaves differently from legacy Signaling, the codemod reproduces the legacy behaviour
 * unless the user opts out with `--no-preserve <difference>`.
 */
export const DIFFERENCES = {
  'own-channel-message': 'legacy delivered a channel message back to its sender (onMessageChannelReceive); RTM does not',
  'member-list-on-join': 'legacy called onChannelUserList([[account, uid], …]) after a join; RTM needs getMembers()',
  'handler-errors': 'legacy caught and logged (console.error) exceptions thrown by callbacks',
} as const;

export type Difference = keyof typeof DIFFERENCES;

export function isDifference(value: string): value is Difference {
  return Object.hasOwn(DIFFERENCES, value);
}
