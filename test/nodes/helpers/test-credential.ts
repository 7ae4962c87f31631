import type { IHttpRequestOptions } from 'n8n-workflow';
import { MonolietApi } from '../../../credentials/MonolietApi.credentials';
import { authenticate, evaluateCredentialExpression, httpRequest, type Credentials } from './fake-n8n';

/** Runs the credential's test request the way n8n's "Test" button does. */
export async function testCredential(credentials: Credentials) {
  const { request } = new MonolietApi().test;
  const baseURL = evaluateCredentialExpression(String(request.baseURL), credentials) as string;
  const options: IHttpRequestOptions = { method: request.method, url: `${baseURL}${request.url}`, json: true, returnFullResponse: true, ignoreHttpStatusErrors: true };
  return (await httpRequest(authenticate(options, credentials))) as { statusCode: number; body: { user?: { email: string }; client?: { id: string } | null; error?: { message: string } } };
}
