'use strict';
/**
 * The last step of `npm test`: read every log line the test apps of this run wrote
 * (test-results/logs/<run id>-*.log) and look for a full phone or ID number. Numbers the tests
 * used are found two ways: every masked form in the logs (139****1234, 110105********002X) names
 * a number whose full form must not appear, and any whole mainland mobile number or resident ID
 * number with a valid check character counts wherever it appears.
 * Usage: node test/security/check-logs.js <runId>; prints a summary, exit code 1 on a finding.
 */
const fs = require('node:fs');
const path = require('node:path');

const LOG_DIR = path.resolve(__dirname, '../../test-results/logs');
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheck = (first17) => '10X98765432'[W.reduce((s, w, i) => s + w * Number(first17[i]), 0) % 11];

const PHONE = /(?<![\w.-])1[3-9]\d{9}(?![\w-])/g;
const ID = /(?<![\w.-])\d{17}[\dXx](?![\w-])/g;
const MASKED_PHONE = /(?<!\d)(1[3-9]\d)\*{4}(\d{4})(?!\d)/g;

function check(runId, dir = LOG_DIR) {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.log') && (!runId || f.includes(runId))) : [];
  const findings = [];
  const maskedPhones = new Set();
  let lines = 0;
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    lines += text.split('\n').length - 1;
    for (const m of text.matchAll(MASKED_PHONE)) maskedPhones.add(`${m[1]}|${m[2]}`);
    for (const m of text.matchAll(PHONE)) findings.push(`${f}: a full phone number ${m[0].slice(0, 3)}…${m[0].slice(-2)}`);
    for (const m of text.matchAll(ID)) {
      const id = m[0].toUpperCase();
      if (idCheck(id.slice(0, 17)) === id[17]) findings.push(`${f}: a full ID number ${id.slice(0, 6)}…${id.slice(-2)}`);
    }
  }
  // the masked forms: no full number with the same head and tail anywhere, even inside a longer
  // token (u13912341234), but not inside a longer run of digits: a millisecond timestamp such as
  // 1796100625213 is not a phone number, and 179****6252 once matched one by chance in CI.
  const all = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  for (const key of maskedPhones) {
    const [head, tail] = key.split('|');
    const re = new RegExp(`(?<!\\d)${head}\\d{4}${tail}(?!\\d)`);
    if (re.test(all)) findings.push(`a full form of ${head}****${tail}`);
  }
  return { files: files.length, lines, maskedPhones: maskedPhones.size, findings: [...new Set(findings)] };
}

if (require.main === module) {
  const r = check(process.argv[2]);
  process.stdout.write(`[logs] ${r.files} log files, ${r.lines} lines, ${r.maskedPhones} masked phone numbers seen; ${r.findings.length} full numbers found\n`);
  for (const f of r.findings.slice(0, 20)) process.stdout.write(`[logs]   ${f}\n`);
  process.exit(r.files > 0 && r.findings.length === 0 ? 0 : 1);
}

module.exports = { check };
