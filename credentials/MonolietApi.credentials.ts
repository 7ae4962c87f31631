import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class MonolietApi implements ICredentialType {
	name = 'monolietApi';

	displayName = 'Monoliet API';

	icon: Icon = { light: 'file:../icons/monoliet.svg', dark: 'file:../icons/monoliet.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-monoliet#credential-setup';

	properties: INodeProperties[] = [
		{
			displayName: 'Portal URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://portal.example.com',
			description:
				'Address of your Monoliet portal as this n8n reaches it. If n8n blocks private addresses (SSRF protection), allow this one.',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An API token created in the Monoliet portal. Reporting runs needs the "ingest" scope; reading needs "read", changing needs "write".',
		},
		{
			displayName: 'Instance Identity',
			name: 'instance',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com',
			description:
				'How the portal tells this n8n apart from others when it stores reported runs. Leave empty to use the base URL of this n8n; set it when that URL is not the one registered in the portal.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.replace(/\\/+$/, "")}}',
			url: '/api/v1/auth/me',
			method: 'GET',
		},
	};
}
