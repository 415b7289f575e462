/**
 * RTM's `AttributesUpdated` carries the whole attribute set; the legacy `onChannelAttrUpdated(name, value, type)`
 * reported one change at a time. The difference of two sets gives those changes: one `del` per vanished name and
 * one `update` per new or changed value, except that a set of several names emptied at once is one `clear`
 * (a set of one name emptied is reported as its `del`: both leave the same state behind).
 */
import type { ChannelAttributesLike, RtmClientLike } from './rtm-types.js';

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

/**
 * The attribute set one member of a channel last saw (Web and flat shims alike). `replace` takes RTM's full set
 * (the fetch after a join, or an AttributesUpdated); `apply` takes the member's own writes, which RTM may not
 * notify back to the writer. Each returns the changes to report, in order; a write that changes nothing reports
 * nothing, so the notification that follows a write reports it once.
 */
export class AttributeSet {
  #values = new Map<string, string>();

  replace(attributes: ChannelAttributesLike): AttributeChange[] {
    const next = new Map(Object.entries(attributes).map(([name, attribute]) => [name, attribute.value]));
    const changes = diffAttributes(this.#values, next);
    this.#values = next;
    return changes;
  }

  apply(changes: readonly AttributeChange[]): AttributeChange[] {
    const effective: AttributeChange[] = [];
    for (const change of changes) {
      if (change.type === 'clear') {
        if (this.#values.size === 0) continue;
        // Reported as diffAttributes reports it, so the writer sees what the other members see.
        const [only] = this.#values.keys();
        const single = this.#values.size === 1 && only !== undefined;
        this.#values.clear();
        effective.push(single ? { type: 'del', name: only, value: '' } : change);
        continue;
      }
      if (change.type === 'del') {
        if (!this.#values.delete(change.name)) continue;
      } else {
        if (this.#values.get(change.name) === change.value) continue;
        this.#values.set(change.name, change.value);
      }
      effective.push(change);
    }
    return effective;
  }
}

/** The channel's attributes right after a join, or none when the client cannot tell (`onError` hears why). */
export async function fetchChannelAttributes(client: RtmClientLike, channel: string, onError: (error: unknown) => void): Promise<ChannelAttributesLike> {
  if (!client.getChannelAttributes) return {};
  try {
    return await client.getChannelAttributes(channel);
  } catch (error) {
    onError(error);
    return {};
  }
}
