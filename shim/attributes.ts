/**
 * RTM's `AttributesUpdated` carries the whole attribute set; the legacy `onChannelAttrUpdated(name, value, type)`
 * reported one change at a time. The difference of two sets gives those changes: one `del` per vanished name and
 * one `update` per new or changed value, except that a set of several names emptied at once is one `clear`
 * (a set of one name emptied is reported as its `del`: both leave the same state behind).
 */
export interface AttributeChange {
  type: 'update' | 'del' | 'clear';
  name: string;
  value: string;
}

export function diffAttributes(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): AttributeChange[] {
  if (after.size === 0 && before.size > 1) return [{ type: 'clear', name: '', value: '' }];
  const changes: AttributeChange[] = [];
  for (const name of before.keys()) {
    if (!after.has(name)) changes.push({ type: 'del', name, value: '' });
  }
  for (const [name, value] of after) {
    if (before.get(name) !== value) changes.push({ type: 'update', name, value });
  }
  return changes;
}
