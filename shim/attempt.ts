/**
 * Calls an RTM method that should return a promise and always gets one: a client that throws synchronously
 * (some validate before going async) rejects instead, so no failure escapes into the app's call stack.
 */
export function attempt<T>(call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(call()));
}
