import { trimStack } from '../../../nodes/Monoliet/actions/execution/errorTrigger';

describe('trimStack', () => {
  it('keeps the package path after the last node_modules', () => {
    const stack = 'Error: boom\n    at run (/home/node/.n8n/nodes/node_modules/n8n-nodes-monoliet/node_modules/x/dist/y.js:3:9)';
    expect(trimStack(stack)).toBe('Error: boom\n    at run (x/dist/y.js:3:9)');
  });

  it('keeps only the file name of a path outside node_modules, also on Windows and as file URL', () => {
    const stack = [
      'Error: boom',
      '    at a (/srv/n8n/packages/core/dist/run.js:1:2)',
      '    at b (C:\\Users\\agency\\n8n\\dist\\start.js:5:6)',
      '    at c (file:///opt/n8n/dist/esm/loader.mjs:7:8)',
      '    at /opt/n8n/dist/anonymous.js:9:10',
    ].join('\n');
    expect(trimStack(stack).split('\n')).toEqual([
      'Error: boom',
      '    at a (run.js:1:2)',
      '    at b (start.js:5:6)',
      '    at c (loader.mjs:7:8)',
      '    at anonymous.js:9:10',
    ]);
  });

  it('trims paths in the message but leaves URLs whole', () => {
    const stack = "Error: ENOENT: no such file or directory, open '/data/exports/clients.csv' (see https://docs.example.com/a/b)\n    at x (/app/x.js:1:1)";
    expect(trimStack(stack).split('\n')[0]).toBe("Error: ENOENT: no such file or directory, open 'clients.csv' (see https://docs.example.com/a/b)");
  });

  it('keeps the first twelve frames and says how many it left out', () => {
    const frames = Array.from({ length: 20 }, (_, i) => `    at f${i} (/app/f${i}.js:1:1)`);
    const lines = trimStack(['Error: deep', ...frames].join('\n')).split('\n');
    expect(lines).toHaveLength(14);
    expect(lines[12]).toBe('    at f11 (f11.js:1:1)');
    expect(lines[13]).toBe('    … 8 more');
  });
});
