export const CRASH_APP = 'C'.repeat(32);
export const CRASH_RECEIVER = 'bob';
