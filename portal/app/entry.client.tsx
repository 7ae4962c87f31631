import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { config } from 'zod';

// zod compiles object schemas with `new Function` when it may; under our CSP (no 'unsafe-eval') the probe
// alone is reported as a violation. Without the JIT, validation in the browser is the same, only slower.
config({ jitless: true });

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
