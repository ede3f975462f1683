import * as fs from 'node:fs';
import { dropDatabase } from '../support/test-app';
import { e2eStateFile, E2eState } from './e2e-state';

export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(e2eStateFile())) return;
  const state = JSON.parse(fs.readFileSync(e2eStateFile(), 'utf8')) as E2eState;
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(state.pid, 0);
      await new Promise((r) => setTimeout(r, 100));
    } catch {
      break;
    }
  }
  await dropDatabase(state.database);
  fs.rmSync(e2eStateFile(), { force: true });
}
