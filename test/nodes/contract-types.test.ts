import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

describe('nodes/shared/contract.ts', () => {
  it('matches packages/contract (run `npm run generate:node-types` after changing the contract)', () => {
    const check = () => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-node-types.mjs', '--check'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    expect(check).not.toThrow();
  }, 60_000);
});
