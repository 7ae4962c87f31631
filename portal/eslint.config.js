// The portal's own lint rules (the repo root's eslint.config.mjs is n8n's config, for the nodes only).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', '.data/**', 'public/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // operator-facing output: the CLI and the server banner print to the terminal
    files: ['app/cli.ts', 'app/cli/**', 'server.ts', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
