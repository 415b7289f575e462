/** `import 'resignal/shim/global'`: installs `globalThis.Signal` and the legacy globals, like a `<script>` tag did. */
import { installGlobals } from './globals.js';

installGlobals();

export { installGlobals };
export { Signal as default } from './signal.js';
