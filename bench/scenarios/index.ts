import { fanoutScenario } from './fanout.js';
import { idleScenario } from './idle.js';
import { loginStormScenario } from './login-storm.js';
import { peerScenario } from './peer.js';
import { latencyAtLoadScenario } from './latency-at-load.js';
import { bundleSizeScenario } from './bundle-size.js';
import { clusterScalingScenario } from './cluster-scaling.js';
import { shimOverheadScenario } from './shim-overhead.js';
import { codemodThroughputScenario } from './codemod-throughput.js';
import type { Scenario } from './types.js';

/** The suite, in run order. A new scenario is one file in this folder and one line here. */
export const SCENARIOS: readonly Scenario[] = [fanoutScenario, peerScenario, latencyAtLoadScenario, idleScenario, loginStormScenario, bundleSizeScenario, clusterScalingScenario, shimOverheadScenario, codemodThroughputScenario];
