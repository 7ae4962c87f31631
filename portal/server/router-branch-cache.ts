import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

// Remix's static handler matches every page and data request with @remix-run/router's internal
// matchRoutes, which flattens and ranks the whole route tree (about 100 routes) and compiles a regular
// expression for each candidate route's path, every time: about 1 ms of CPU per client dashboard request,
// a fifth of its cost (docs/PERFORMANCE.md). route-match-cache.ts caches the server runtime's own calls,
// which go through the module's exports; these do not. So the router's code is loaded here, before
// anything else requires it, with two memos added: the ranked branches per route tree (a server's tree
// never changes) and the compiled path patterns. When the installed version's code does not have the
// expected lines, the router loads unchanged (test/router-branch-cache.test.ts fails on such an upgrade).

const MEMOS = [
  {
    original: '  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n',
    patched: '  let branches = monolietRankedBranches(routes);\n',
  },
  {
    original: 'function compilePath(path, caseSensitive, end) {',
    patched: `const monolietBranches = new WeakMap();
function monolietRankedBranches(routes) {
  let branches = monolietBranches.get(routes);
  if (!branches) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    monolietBranches.set(routes, branches);
  }
  return branches;
}
const monolietCompiled = new Map();
function compilePath(path, caseSensitive, end) {
  const key = (caseSensitive ? "1" : "0") + (end === false ? "0" : "1") + path;
  let compiled = monolietCompiled.get(key);
  if (!compiled) {
    compiled = compilePathUncached(path, caseSensitive, end);
    if (monolietCompiled.size < 10000) monolietCompiled.set(key, compiled);
  }
  return compiled;
}
function compilePathUncached(path, caseSensitive, end) {`,
  },
];

/** The router's source with the memos, or null when the installed version does not have the expected code. */
export function patchRouterSource(source: string): string | null {
  let patched = source;
  for (const { original, patched: replacement } of MEMOS) {
    if (patched.split(original).length !== 2) return null;
    patched = patched.replace(original, replacement);
  }
  return patched;
}

/**
 * Loads @remix-run/router (CommonJS) with the memos into the module cache. Must run before anything
 * requires it; returns false (and changes nothing) when it already was, or when the code did not match.
 */
export function installRouterBranchCache(): boolean {
  // the copy the server runtime requires
  const fromPortal = createRequire(path.join(process.cwd(), 'package.json'));
  const require = createRequire(fromPortal.resolve('@remix-run/server-runtime'));
  const file = require.resolve('@remix-run/router');
  if (require.cache[file]) return false;
  const patched = patchRouterSource(readFileSync(file, 'utf8'));
  if (!patched) return false;
  require.cache[file] = compileModule({ file, source: patched });
  return true;
}

/** A CommonJS module of `source`, as if loaded from `file`. */
export function compileModule({ file, source }: { file: string; source: string }): Module {
  const loaded = new Module(file) as Module & { _compile: (source: string, filename: string) => void };
  loaded.filename = file;
  loaded.paths = (Module as unknown as { _nodeModulePaths: (dir: string) => string[] })._nodeModulePaths(path.dirname(file));
  loaded._compile(source, file);
  loaded.loaded = true;
  return loaded;
}

