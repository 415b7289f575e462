/**
 * Where RTM behaves differently from legacy Signaling, the codemod reproduces the legacy behaviour
 * unless the user opts out with `--no-preserve <difference>`.
 */
export const DIFFERENCES = {
  'own-channel-message': 'legacy delivered a channel message back to its sender (onMessageChannelReceive); RTM does not',
  'member-list-on-join': 'legacy called onChannelUserList([[account, uid], …]) after a join; RTM needs getMembers()',
  'handler-errors': 'legacy caught and logged (console.error) exceptions thrown by callbacks',
  'logout-without-handler':
    'legacy logout() did nothing on a logged-in session without an onLogout handler (it only cancelled a login in progress); RTM logout() always logs out',
  'reconnect-login-success':
    'legacy 1.4.x fired onLoginSuccess again after an automatic reconnect and did not re-join channels; RTM re-joins them itself and resolves login() once',
} as const;

export type Difference = keyof typeof DIFFERENCES;

export function isDifference(value: string): value is Difference {
  return Object.hasOwn(DIFFERENCES, value);
}
