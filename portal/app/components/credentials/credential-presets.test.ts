import { fieldRowsFor, isSecretFieldName } from './credential-presets';

describe('credential form rows', () => {
  it('starts from the preset of the chosen type', () => {
    expect(fieldRowsFor({ type: 'basic_auth' })).toEqual([
      { name: 'Username', secret: false },
      { name: 'Password', secret: true },
    ]);
    expect(fieldRowsFor({ type: 'oauth2' }).map((r) => r.name)).toEqual(['Client ID', 'Client secret']);
  });

  it('keeps the names the client typed after an error, never the values', () => {
    expect(fieldRowsFor({ type: 'api_key', names: ['Account ID', 'webhookSecret'] })).toEqual([
      { name: 'Account ID', secret: false },
      { name: 'webhookSecret', secret: true },
    ]);
  });

  it('treats unknown names as secret', () => {
    expect(isSecretFieldName('client_id')).toBe(false);
    expect(isSecretFieldName('privateKey')).toBe(true);
  });
});
