import { createContext, useContext } from 'react';

// The Content-Security-Policy nonce of this response. entry.server provides it while rendering; in the
// browser it is undefined, which is fine: scripts that React adds later are allowed by 'self'.
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
