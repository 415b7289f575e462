/** App-scoped keys: NUL never appears in App IDs or RTM IDs, so keys of different apps cannot collide. */
export function appKey(appId: string, id: string): string {
  return `${appId}\u0000${id}`;
}
