import { detailsTable, detailsText, escapeHtml, paragraph, quote, renderEmail, type EmailBranding, type RenderedEmail } from './layout';

export type WorkflowSummary = { name: string; clientName: string | null };
export type RunError = { executionId: string; startedAt: string; message: string | null; node: string | null };

const label = (workflow: WorkflowSummary) => (workflow.clientName ? `${workflow.name} (${workflow.clientName})` : workflow.name);

/** To staff, at the first error of a workflow. */
export function workflowFailing({ branding, workflow, error, url }: { branding: EmailBranding; workflow: WorkflowSummary; error: RunError; url: string }): RenderedEmail {
  const details: [string, string][] = [
    ['Workflow', workflow.name],
    ['Client', workflow.clientName ?? 'not assigned'],
    ['Execution', error.executionId],
    ['Started', error.startedAt],
    ...(error.node ? ([['Node', error.node]] as [string, string][]) : []),
  ];
  const message = error.message || 'n8n reported the run as failed (no message).';
  return renderEmail({
    branding,
    subject: `Workflow failing: ${label(workflow)}`,
    heading: `${workflow.name} is failing`,
    blocks: [detailsTable(details), quote(message), paragraph('Further errors are collected into one digest per alert window; a notice follows when it runs successfully again.')],
    textLines: [...detailsText(details), '', message],
    action: { label: 'Open the workflow', url },
  });
}

/** To staff: the errors since the last notice, at most one per throttle window. */
export function workflowErrorDigest({ branding, workflow, errors, total, url }: { branding: EmailBranding; workflow: WorkflowSummary; errors: RunError[]; total: number; url: string }): RenderedEmail {
  const rows = errors.map((e) => `<li style="margin:0 0 8px;font-size:14px;color:#334155">${escapeHtml(e.startedAt)} · execution ${escapeHtml(e.executionId)}${e.node ? ` · ${escapeHtml(e.node)}` : ''}<br><span style="color:#64748b">${escapeHtml(e.message ?? 'no message')}</span></li>`);
  const more = total > errors.length ? total - errors.length : 0;
  const intro = `${total} more error${total === 1 ? '' : 's'} since the last notice.`;
  return renderEmail({
    branding,
    subject: `Still failing: ${label(workflow)} (${total} more error${total === 1 ? '' : 's'})`,
    heading: `${workflow.name} is still failing`,
    blocks: [paragraph(intro), `<ul style="margin:0 0 16px;padding-left:20px">${rows.join('')}</ul>`, ...(more ? [paragraph(`…and ${more} more.`)] : [])],
    textLines: [intro, '', ...errors.map((e) => `- ${e.startedAt} execution ${e.executionId}${e.node ? ` (${e.node})` : ''}: ${e.message ?? 'no message'}`), ...(more ? [`…and ${more} more.`] : [])],
    action: { label: 'Open the workflow', url },
  });
}

/** To staff: the workflow ran successfully again. */
export function workflowRecovered({ branding, workflow, failingSince, errorCount, url }: { branding: EmailBranding; workflow: WorkflowSummary; failingSince: string; errorCount: number; url: string }): RenderedEmail {
  const line = `${workflow.name} ran successfully again. It had failed ${errorCount} time${errorCount === 1 ? '' : 's'} since ${failingSince}.`;
  return renderEmail({
    branding,
    subject: `Recovered: ${label(workflow)}`,
    heading: `${workflow.name} recovered`,
    blocks: [paragraph(line)],
    textLines: [line],
    action: { label: 'Open the workflow', url },
  });
}

export type HealthAlertLine = { workflow: WorkflowSummary; message: string };

/** To staff: what one health check opened and resolved (sent only when something changed). */
export function healthDigest({ branding, opened, resolved, stillOpen, url }: { branding: EmailBranding; opened: HealthAlertLine[]; resolved: HealthAlertLine[]; stillOpen: number; url: string }): RenderedEmail {
  const list = (lines: HealthAlertLine[]) =>
    `<ul style="margin:0 0 16px;padding-left:20px">${lines.map((l) => `<li style="margin:0 0 8px;font-size:14px;color:#334155"><strong>${escapeHtml(label(l.workflow))}</strong><br>${escapeHtml(l.message)}</li>`).join('')}</ul>`;
  const parts = [opened.length ? `${opened.length} new problem${opened.length === 1 ? '' : 's'}` : '', resolved.length ? `${resolved.length} resolved` : ''].filter(Boolean);
  const blocks: string[] = [];
  const textLines: string[] = [];
  if (opened.length) {
    blocks.push(paragraph('New problems:'), list(opened));
    textLines.push('New problems:', ...opened.map((l) => `- ${label(l.workflow)}: ${l.message}`), '');
  }
  if (resolved.length) {
    blocks.push(paragraph('Resolved:'), list(resolved));
    textLines.push('Resolved:', ...resolved.map((l) => `- ${label(l.workflow)}: ${l.message}`), '');
  }
  const open = `${stillOpen} health alert${stillOpen === 1 ? ' is' : 's are'} open now.`;
  blocks.push(paragraph(open));
  textLines.push(open);
  return renderEmail({ branding, subject: `Workflow health: ${parts.join(', ')}`, heading: 'Workflow health', blocks, textLines, action: { label: 'Open the alerts', url } });
}
