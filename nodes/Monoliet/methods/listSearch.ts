import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ClientDto, InvoiceSummaryDto, Page, TicketDto, WorkflowDto } from '../../shared/contract';
import { CREDENTIAL_TYPE, monolietApiRequest, portalBaseUrl } from '../transport';

const PAGE_SIZE = 50;

/** One page of a list route, for the "From List" mode of a resource locator. */
async function readPage<T>(
	context: ILoadOptionsFunctions,
	{ path, qs, paginationToken }: { path: string; qs: IDataObject; paginationToken?: string },
): Promise<Page<T>> {
	const query: IDataObject = { ...qs, limit: PAGE_SIZE };
	if (paginationToken) query.cursor = paginationToken;
	return (await monolietApiRequest.call(context, { method: 'GET', path, qs: query })) as Page<T>;
}

async function pageUrl(context: ILoadOptionsFunctions, path: string): Promise<string> {
	const { url } = await context.getCredentials<{ url: string }>(CREDENTIAL_TYPE);
	return `${portalBaseUrl(url)}${path}`;
}

/** Tickets, newest activity first; the filter searches subjects, descriptions and numbers (#1042). */
export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = filter?.trim();
	const page = await readPage<TicketDto>(this, {
		path: '/api/v1/tickets',
		qs: { order: '-updatedAt', ...(search ? { search } : {}) },
		paginationToken,
	});
	const base = await pageUrl(this, '/tickets/');
	return {
		results: page.data.map((ticket) => ({
			name: `#${ticket.number} ${ticket.subject}`,
			value: ticket.id,
			url: `${base}${ticket.id}`,
		})),
		paginationToken: page.nextCursor ?? undefined,
	};
}

/** How many pages an invoice search reads at most before it shows what it found. */
const INVOICE_SEARCH_PAGES = 10;

/**
 * Invoices, newest first. The list route has no text search, so the filter (number or client name) is
 * matched here, reading further pages until something matches.
 */
export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const wanted = filter?.trim().toLowerCase() ?? '';
	const base = await pageUrl(this, '/invoices/');
	const matches: InvoiceSummaryDto[] = [];
	let cursor = paginationToken;
	for (let pages = 0; pages < INVOICE_SEARCH_PAGES && matches.length === 0; pages++) {
		const page = await readPage<InvoiceSummaryDto>(this, {
			path: '/api/v1/invoices',
			qs: { order: '-issueDate' },
			paginationToken: cursor,
		});
		matches.push(...page.data.filter((i) => `${i.number} ${i.clientName}`.toLowerCase().includes(wanted)));
		cursor = page.nextCursor ?? undefined;
		if (!cursor) break;
	}
	return {
		results: matches.map((invoice) => ({
			name: `${invoice.number} · ${invoice.clientName} · ${invoice.total} ${invoice.currency} (${invoice.status})`,
			value: invoice.id,
			url: `${base}${invoice.id}`,
		})),
		paginationToken: cursor,
	};
}

/** Clients by company name; the filter searches names, slugs and emails. */
export async function searchClients(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = filter?.trim();
	const page = await readPage<ClientDto>(this, {
		path: '/api/v1/clients',
		qs: search ? { search } : {},
		paginationToken,
	});
	return {
		results: page.data.map((client) => ({ name: client.companyName, value: client.id })),
		paginationToken: page.nextCursor ?? undefined,
	};
}

/** Workflows by name, with the client they belong to; the filter searches names. */
export async function searchWorkflows(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = filter?.trim();
	const page = await readPage<WorkflowDto>(this, {
		path: '/api/v1/workflows',
		qs: search ? { search } : {},
		paginationToken,
	});
	const base = await pageUrl(this, '/workflows/');
	return {
		results: page.data.map((workflow) => ({
			name: workflow.client ? `${workflow.name} (${workflow.client.companyName})` : workflow.name,
			value: workflow.id,
			url: `${base}${workflow.id}`,
		})),
		paginationToken: page.nextCursor ?? undefined,
	};
}
