#!/usr/bin/env node
// Builds the n8n community package into dist/: compiles nodes/ and credentials/, then copies what n8n
// reads next to the compiled files (icons, and each node's codex `*.node.json`).
// `n8n-node build` is not used: it compiles with the root tsconfig and copies every SVG of the monorepo.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.nodes.json'], {
  cwd: root,
  stdio: 'inherit',
});
const isAsset = (file) => file.endsWith('.svg') || file.endsWith('.node.json');
const assets = ['icons', 'nodes', 'credentials'].flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true })
    .map((file) => path.join(dir, String(file)))
    .filter(isAsset),
);
for (const file of assets) {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  cpSync(path.join(root, file), path.join(dist, file));
}
console.log(`built dist/ (${assets.length} assets copied)`);
