// What `npm pack` would publish: the community package n8n installs. Builds dist/ first.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
let packed: string[] = [];

beforeAll(() => {
  execFileSync('npm', ['run', 'build:nodes'], { cwd: root, stdio: 'pipe' });
  const [result] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' }));
  packed = result.files.map((file: { path: string }) => file.path);
}, 120_000);

/** Loads a built file as n8n does: the class named after the file. */
function loadClass<T>(file: string): T {
  const name = path.basename(file).split('.')[0];
  const exported = require(path.join(root, file))[name];
  expect(typeof exported).toBe('function');
  return new exported() as T;
}

function iconFiles(file: string, icon: unknown): string[] {
  const paths = typeof icon === 'string' ? [icon] : Object.values(icon as Record<string, string>);
  return paths.map((p) => path.normalize(path.join(path.dirname(file), p.replace(/^file:/, ''))));
}

describe('the n8n-nodes-monoliet package', () => {
  it('publishes only the built files, the README and the license', () => {
    const outside = packed.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file));
    expect(outside).toEqual([]);
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'dist/icons/monoliet.svg', 'dist/icons/monoliet.dark.svg']));
    expect(packed.some((file) => file.endsWith('.ts'))).toBe(false);
  });

  it('has no runtime dependencies, n8n-workflow only as a peer, and no install scripts', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
    const installScripts = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare', 'prepublish', 'prepack', 'postpack'];
    expect(Object.keys(pkg.scripts).filter((script) => installScripts.includes(script))).toEqual([]);
    expect(pkg.license).toBe('MIT');
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.name).toMatch(/^n8n-nodes-/);
  });

  it('lists node and credential files that are published and load as n8n loads them', () => {
    const { nodes, credentials } = pkg.n8n as { nodes: string[]; credentials: string[] };
    expect([...nodes, ...credentials].filter((file) => !packed.includes(file))).toEqual([]);

    const loaded = nodes.map((file) => ({ file, node: loadClass<INodeType>(file) }));
    expect(loaded.map(({ node }) => node.description.name)).toEqual(['monoliet', 'monolietTrigger']);
    for (const { file, node } of loaded) {
      expect(iconFiles(file, node.description.icon).filter((icon) => !packed.includes(icon))).toEqual([]);
      // n8n reads the codex from `<file>on`, next to the node
      expect(packed).toContain(`${file}on`);
      expect(node.description.credentials).toEqual([{ name: 'monolietApi', required: true }]);
    }
    const [credential] = credentials.map((file) => ({ file, type: loadClass<ICredentialType>(file) }));
    expect(credential.type.name).toBe('monolietApi');
    expect(iconFiles(credential.file, credential.type.icon).filter((icon) => !packed.includes(icon))).toEqual([]);
  });
});
