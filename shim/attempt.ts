/**
 * Calls an RTM method that should return a promise and always gets one: a client that throws synchronously
 * (some validate before going async) rejects instead, so no failure escapes into the app's call stack.
 */
export function attempt<T>(call: () => Promise<T>): Promise<T> {
  try {
    // A native promise passes through as is: no extra promise per call on the send path.
    return Promise.resolve(call());
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on what the client threw, unchanged
    return Promise.reject(error);
  }
}
