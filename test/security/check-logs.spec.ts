import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const { check } = require('./check-logs') as { check: (runId: string, dir: string) => { files: number; findings: string[] } };

/** Writes one log file of the given lines into a fresh folder and runs the log check on it. */
function findingsIn(...lines: string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwt-logs-'));
  fs.writeFileSync(path.join(dir, 'run1-app.log'), `${lines.join('\n')}\n`);
  try {
    return check('run1', dir).findings;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the log check of npm test', () => {
  it('finds a full phone number and a full ID number with a valid check character', () => {
    expect(findingsIn('sms sent to 13912341234')).toHaveLength(1);
    expect(findingsIn('verify 11010519491231002X')).toHaveLength(1);
  });

  it('accepts masked numbers and an ID-shaped number whose check character is wrong', () => {
    expect(findingsIn('sms sent to 139****1234', 'verify 110105********002X', 'ref 110105194912310021')).toEqual([]);
  });

  it('finds the full form of a masked phone inside a longer token', () => {
    expect(findingsIn('sms sent to 179****6252', 'key=u17912346252x')).toEqual(['a full form of 179****6252']);
  });

  it('does not take a millisecond timestamp for the full form of a masked phone', () => {
    expect(findingsIn('sms sent to 179****6252', '{"at":1796100625213}')).toEqual([]);
  });
});
