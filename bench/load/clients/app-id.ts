/** Any 32 letters or digits: the bench server accepts every App ID without a token. */
export const BENCH_APP_ID = 'be0c4be0c4be0c4be0c4be0c4be0c4be';
