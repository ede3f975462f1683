import * as path from 'node:path';

export interface E2eState {
  url: string;
  pid: number;
  database: string;
}

export const E2E_STATE_FILE = path.resolve(__dirname, '../../test-results/e2e-state.json');
