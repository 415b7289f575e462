/** The package root: the native RTM 1.x API. `import AgoraRTM from 'resignal'`. */
export * from './client/index.js';
export { default } from './client/index.js';
