import type { CredentialType } from '@monoliet/contract';

export type PresetField = { name: string; secret: boolean };

export const CREDENTIAL_TYPE_LABELS: Record<CredentialType, string> = {
  api_key: 'API key',
  basic_auth: 'Username and password',
  oauth2: 'OAuth app (client ID and secret)',
  bearer_token: 'Access token',
  other: 'Something else',
};

/** The fields each type usually needs, named the way a client would; the client can rename, add or remove rows. */
export const CREDENTIAL_PRESETS: Record<CredentialType, PresetField[]> = {
  api_key: [{ name: 'API key', secret: true }],
  basic_auth: [
    { name: 'Username', secret: false },
    { name: 'Password', secret: true },
  ],
  oauth2: [
    { name: 'Client ID', secret: false },
    { name: 'Client secret', secret: true },
  ],
  bearer_token: [{ name: 'Token', secret: true }],
  other: [{ name: '', secret: true }],
};

/** Values of fields with these names are not secret, so they are typed in the clear. */
const PLAIN_NAMES = new Set(['username', 'user', 'login', 'email', 'clientid', 'accountid', 'account', 'domain', 'url', 'host', 'region', 'tenant', 'tenantid']);

export function isSecretFieldName(name: string): boolean {
  return !PLAIN_NAMES.has(name.trim().toLowerCase().replace(/[\s_-]/g, ''));
}

/** The rows of the form: a preset, or (after an error) the names the client had typed, with empty values. */
export function fieldRowsFor({ type, names }: { type: CredentialType; names?: string[] }): { name: string; secret: boolean }[] {
  if (names && names.length > 0) return names.map((name) => ({ name, secret: isSecretFieldName(name) }));
  return CREDENTIAL_PRESETS[type].map((field) => ({ ...field }));
}
