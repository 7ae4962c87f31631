// n8n's strict community-node lint, as `npm run lint:nodes` runs it (and as n8n's verification does).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

describe("n8n's strict lint", () => {
  it('keeps eslint.config.mjs exactly as n8n ships it (strict mode requires it)', () => {
    const template = path.join(root, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs');
    const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(normalize(readFileSync(path.join(root, 'eslint.config.mjs'), 'utf8'))).toBe(normalize(readFileSync(template, 'utf8')));
  });

  it('finds no problem, not even a warning, in nodes/, credentials/ and package.json', () => {
    // eslint-plugin-n8n-nodes-base checks fixture names instead of real ones when NODE_ENV is "test"
    const { NODE_ENV: _jest, ...env } = process.env;
    let output: string;
    try {
      output = execFileSync('npx', ['eslint', '--format', 'json', 'nodes', 'credentials', 'package.json'], { cwd: root, encoding: 'utf8', env });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const results = JSON.parse(output) as { filePath: string; messages: { ruleId: string; message: string; line: number }[] }[];
    const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
    expect(results.map((r) => path.relative(root, r.filePath))).toEqual(
      expect.arrayContaining(['package.json', 'credentials/MonolietApi.credentials.ts', 'nodes/Monoliet/Monoliet.node.ts', 'nodes/MonolietTrigger/MonolietTrigger.node.ts']),
    );
  }, 120_000);
});
