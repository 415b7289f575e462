import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { durableStoreContract } from './contract/index.js';
import { openStore } from './index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'resignal-store-contract-'));
let counter = 0;

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

durableStoreContract(({ now, limits }) =>
  openStore({ dataDir: path.join(root, `store-${counter++}`), now, ...(limits ? { limits } : {}) }),
);
