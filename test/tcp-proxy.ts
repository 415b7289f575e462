export { startTcpProxy, type TcpProxy } from '../compat-tests/harness/tcp-proxy.js';
