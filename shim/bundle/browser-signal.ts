/** Entry of dist/browser/resignal-signal.js (see scripts/build-browser.mjs for the UMD wrapper around it). */
import { installGlobals } from '../globals.js';
import { Signal } from '../signal.js';
import { scriptOriginEndpoint } from './script-origin.js';
import { signalApi } from './signal-api.js';

const endpoint = scriptOriginEndpoint();
if (endpoint !== undefined) Signal.configure({ endpoint });

export default signalApi();
export { installGlobals };
