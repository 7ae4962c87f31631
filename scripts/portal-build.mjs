// Builds the portal (vite) when build/ is older than any of its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function isPortalBuildStale({ root }) {
  const portal = path.join(root, 'portal');
  const built = path.join(portal, 'build/server/index.js');
  if (!existsSync(built)) return true;
  const sources = ['app', 'migrations', 'vite.config.ts', 'package.json'].map((p) => path.join(portal, p));
  sources.push(path.join(root, 'packages/contract/src'));
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

export async function ensurePortalBuild({ root, label = 'Building the portal for the tests' }) {
  if (!isPortalBuildStale({ root })) return;
  process.stderr.write(`\n${label} (sources changed since the last build)...\n`);
  execFileSync('npm', ['run', 'build', '-w', 'portal'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
