import { decrypt, encrypt } from '~/lib/crypto.server';

/**
 * Every encrypted column, with the context bound into its ciphertexts (so a value copied into another
 * column does not decrypt). rotate-keys walks this list.
 */
export const ENCRYPTED_COLUMNS = {
  credentialData: { table: 'api_credentials', column: 'encrypted_data', context: 'api_credentials.encrypted_data' },
  instanceApiKey: { table: 'n8n_instances', column: 'api_key_encrypted', context: 'n8n_instances.api_key' },
  webhookSecret: { table: 'webhook_subscriptions', column: 'secret_encrypted', context: 'webhook_subscriptions.secret' },
  totpSecret: { table: 'users', column: 'totp_secret', context: 'users.totp_secret' },
} as const;

export type SecretKind = keyof typeof ENCRYPTED_COLUMNS;

export function sealSecret({ kind, plaintext }: { kind: SecretKind; plaintext: string }): string {
  return encrypt({ plaintext, context: ENCRYPTED_COLUMNS[kind].context });
}

export function openSecret({ kind, ciphertext }: { kind: SecretKind; ciphertext: string }): string {
  return decrypt({ ciphertext, context: ENCRYPTED_COLUMNS[kind].context });
}
