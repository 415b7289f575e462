/** Entry of dist/shim/signal.cjs: `require('resignal/shim')` returns `Signal` (the build sets module.exports). */
import { signalApi } from './signal-api.js';

export default signalApi();
