/**
 * The value of `require('resignal/shim')` and of the UMD bundle's `module.exports`: the `Signal` function itself,
 * carrying the named exports as properties (`Signal.LOGIN_E_NET`, `Signal.configureDeprecations`, …).
 */
import * as shim from '../index.js';

export type SignalApi = typeof shim.Signal & Omit<typeof shim, 'default'>;

export function signalApi(): SignalApi {
  const api = shim.Signal as SignalApi;
  for (const [name, value] of Object.entries(shim)) {
    if (name === 'default' || name === 'Signal' || name in api) continue;
    Object.defineProperty(api, name, { value, enumerable: true, configurable: true, writable: true });
  }
  return api;
}
