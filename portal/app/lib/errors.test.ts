import { ConnectionAcquireTimeoutError } from 'sequelize';
import { toErrorResponse } from './errors.server';

// Overload and database refusals are answered with the envelope and a 4xx/503, never a 500.

describe('toErrorResponse for database failures', () => {
  it('answers 503 with Retry-After when no database connection became free', async () => {
    const response = toErrorResponse(new ConnectionAcquireTimeoutError(new Error('Operation timeout')));
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect((await response.json()).error).toMatchObject({ code: 'unavailable', message: 'The portal is busy; try again in a few seconds' });
  });

  it('maps the SQLSTATE of an error from a plain pg connection like one from Sequelize', async () => {
    const pgError = (code: string) => Object.assign(new Error('refused'), { code, severity: 'ERROR' });
    expect(toErrorResponse(pgError('23503')).status).toBe(409);
    expect(toErrorResponse(pgError('23505')).status).toBe(409);
    const outOfRange = toErrorResponse(pgError('22003'));
    expect(outOfRange.status).toBe(400);
    expect((await outOfRange.json()).error.code).toBe('invalid_input');
  });
});
