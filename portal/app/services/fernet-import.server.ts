import { z } from 'zod';
import { decryptFernet } from '~/lib/crypto.server';
import { ApiError, zodDetails } from '~/lib/errors.server';
import { ApiCredential, Client } from '~/models/index.server';
import { CREDENTIAL_TYPES } from '~/models/api-credential.server';
import { createCredential } from './credentials.server';

// Rows exported from the original Django portal's ApiCredential table (Fernet-encrypted values).
const LegacyCredentialSchema = z.object({
  client: z.string().min(1),
  service_name: z.string().min(1),
  credential_type: z.string().transform((t) => ((CREDENTIAL_TYPES as readonly string[]).includes(t) ? t : 'other')),
  encrypted_data: z.string().min(1),
  status: z.enum(['pending', 'active', 'invalid', 'revoked']).default('active'),
  notes: z.string().default(''),
});
const LegacyExportSchema = z.array(LegacyCredentialSchema);

export type FernetImportResult = { imported: number; skipped: number };

/** Decrypts each legacy value with the Fernet key and stores it under our AES-GCM keys. Re-runs skip what exists. */
export async function importFernetCredentials({ rows, fernetKey }: { rows: unknown; fernetKey: string }): Promise<FernetImportResult> {
  const parsed = LegacyExportSchema.safeParse(rows);
  if (!parsed.success) throw new ApiError('invalid_input', 'The export file does not hold credential rows', zodDetails(parsed.error));
  const result: FernetImportResult = { imported: 0, skipped: 0 };
  for (const [index, row] of parsed.data.entries()) {
    const client = await Client.findOne({ where: { slug: row.client } });
    if (!client) throw new ApiError('not_found', `Row ${index}: no client with slug "${row.client}"`);
    const credentialType = row.credential_type as ApiCredential['credentialType'];
    const existing = await ApiCredential.findOne({ where: { clientId: client.id, serviceName: row.service_name, credentialType } });
    if (existing) {
      result.skipped++;
      continue;
    }
    const plaintext = decryptFernet({ token: row.encrypted_data, key: fernetKey });
    await createCredential({ clientId: client.id, serviceName: row.service_name, credentialType, fields: toFields(plaintext), status: row.status, notes: row.notes });
    result.imported++;
  }
  return result;
}

function toFields(plaintext: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(plaintext);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    }
  } catch {
    // not JSON: a single secret value
  }
  return { value: plaintext };
}
