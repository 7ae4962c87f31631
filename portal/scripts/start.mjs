// `npm start`: build the portal if its sources changed since the last build, then serve it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePortalBuild } from '../../scripts/portal-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
await ensurePortalBuild({ root, label: 'Building the portal' });
await import('../server.ts');
