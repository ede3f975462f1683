import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The layers of server/src, lowest first. A file may import from its own layer and from any layer
 * below it, never from one above. A layer is a list of folders directly under src/ (`common/db`
 * is its own, lowest layer: the database floor). Folders of one layer may import each other (they
 * are one piece as far as layering goes: `users`, `enterprises`, `auth`, `notifications` and the
 * `outbox` that delivers messages still lean on each other, and so do the three kinds of service rendered with their ratings).
 */
const LAYERS: ReadonlyArray<{ name: string; folders: readonly string[] }> = [
  { name: 'database floor: transactions, column types, bulk insert, driver errors', folders: ['common/db'] },
  { name: 'configuration', folders: ['config'] },
  { name: 'common: errors, auth guard, clock, crypto, logging, paging, throttling, audit', folders: ['common'] },
  { name: 'access policy, calendar, file storage', folders: ['access', 'calendar', 'files'] },
  { name: 'people and messages', folders: ['users', 'enterprises', 'auth', 'notifications', 'outbox'] },
  { name: 'catalogue and its 一件事 bundles', folders: ['catalog', 'bundles'] },
  { name: 'delegation', folders: ['delegation'] },
  { name: 'electronic certificates', folders: ['certificates'] },
  { name: '督办 messenger: late items put before reviewers and supervisors', folders: ['oversight'] },
  { name: 'services rendered: bookings, filings, their ratings', folders: ['booking', 'applications', 'ratings'] },
  { name: 'features built on them (exports and metrics read them all)', folders: ['offhours', 'follow-ups', 'desk', 'account', 'admin', 'health', 'queue', 'exports', 'metrics', 'guidance', 'consultations', 'assistance', 'supervision'] },
  { name: 'scheduled jobs', folders: ['jobs'] },
  { name: 'database roof: entity registry, data source, migrations, seeds', folders: ['database'] },
  { name: 'the application: module, factory, main', folders: ['.'] },
];

const SRC = __dirname;

/** The folder (as LAYERS names it) that a file under src/ belongs to. */
function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  if (parts.length === 1) return '.';
  if (parts[0] === 'common' && parts[1] === 'db') return 'common/db';
  return parts[0];
}

function layerOf(folder: string): number {
  return LAYERS.findIndex((l) => l.folders.includes(folder));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative module specifiers a file imports (static, re-exports, `import()` types, `require`). */
export function relativeImports(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\bfrom\s+'(\.[^']*)'/g, /\bimport\s+'(\.[^']*)'/g, /\bimport\(\s*'(\.[^']*)'\s*\)/g, /\brequire\(\s*'(\.[^']*)'\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

/** Every import in src/ that runs from a lower layer up, as `from -> to` lines. */
function upwardImports(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    for (const spec of relativeImports(fs.readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(SRC + path.sep)) continue;
      const to = folderOf(target);
      if (layerOf(to) > layerOf(from)) found.push(`${path.relative(SRC, file)} -> ${spec}  (${from} imports ${to}, a higher layer)`);
    }
  }
  return found;
}

describe('layers of server/src', () => {
  it('places every folder under src/ in exactly one layer', () => {
    const top = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const listed = LAYERS.flatMap((l) => l.folders);
    expect(top.filter((f) => !listed.includes(f))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('has no import from a lower layer up (common and the database floor never import a feature)', () => {
    expect(upwardImports()).toEqual([]);
  });

  it('reads every kind of relative import', () => {
    const src = "import { A } from '../a';\nexport { B } from './b';\nimport './c';\ntype D = import('../d').D;\nconst e = require('./e');\nimport x from 'typeorm';";
    expect(relativeImports(src).sort()).toEqual(['../a', '../d', './b', './c', './e']);
  });
});
