/** Request id → waiter, for clients that match replies to requests by id. */
export class Pending<T> {
  private nextId = 1;
  private readonly waiters = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();

  open(): { id: number; done: Promise<T> } {
    const id = this.nextId++;
    const done = new Promise<T>((resolve, reject) => this.waiters.set(id, { resolve, reject }));
    return { id, done };
  }

  resolve(id: number, value: T): void {
    const waiter = this.waiters.get(id);
    this.waiters.delete(id);
    waiter?.resolve(value);
  }

  reject(id: number, error: Error): void {
    const waiter = this.waiters.get(id);
    this.waiters.delete(id);
    waiter?.reject(error);
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters.values()) waiter.reject(error);
    this.waiters.clear();
  }
}
