import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { TicketPriority, TicketStatus } from '../../../shared/contract';
import { recordLocator } from '../common.descriptions';

export const ticketLocator: INodeProperties = recordLocator({
	name: 'ticketId',
	displayName: 'Ticket',
	searchListMethod: 'searchTickets',
	urlSegment: 'tickets',
	description: 'The ticket, picked from the list (search by words or number), by its portal URL, or by ID',
});

export const priorityOptions: Array<INodePropertyOptions & { value: TicketPriority }> = [
	{ name: 'Low', value: 'low' },
	{ name: 'Medium', value: 'medium' },
	{ name: 'High', value: 'high' },
	{ name: 'Urgent', value: 'urgent' },
];

export const statusOptions: Array<INodePropertyOptions & { value: TicketStatus }> = [
	{ name: 'Open', value: 'open' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'Resolved', value: 'resolved' },
];
