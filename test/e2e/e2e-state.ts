import * as path from 'node:path';

export interface E2eState {
  url: string;
  pid: number;
  database: string;
  /** the server's clock runs this many ms ahead of (or behind) real time */
  clockOffsetMs: number;
}

/**
 * Where this run's server is written down. Each run has its own file (set by the global setup
 * in ZWT_E2E_STATE_FILE, which the test workers inherit), so that runs side by side never
 * stop each other's server.
 */
export function e2eStateFile(): string {
  if (!process.env.ZWT_E2E_STATE_FILE) {
    process.env.ZWT_E2E_STATE_FILE = path.resolve(__dirname, '../../test-results', `e2e-state-${process.pid}-${Date.now().toString(36)}.json`);
  }
  return process.env.ZWT_E2E_STATE_FILE;
}
