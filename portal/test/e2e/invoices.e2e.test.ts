import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { formatMoney } from '~/lib/money';
import { createInvoice } from '~/services/invoices.server';
import { buildClient, buildUser, TEST_PASSWORD } from '../factories';
import { launchBrowser, screenshot, signInAs, waitForCount } from '../helpers/browser';
import { readPdfText } from '../helpers/pdf-text';
import { startPortal, type PortalProcess } from '../helpers/portal-process';

let portal: PortalProcess;
let browser: Browser;
beforeAll(async () => {
  [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A client with a paid setup invoice, an overdue one, an open one in EUR and an open one in USD. */
async function clientWithInvoices() {
  const client = await buildClient({ companyName: 'Globex Corporation', contactName: 'Hank Scorpio', billingEmail: 'ap@globex.example', plan: 'Growth', currency: 'EUR' });
  const setup = await createInvoice({
    clientId: client.id,
    type: 'setup',
    lines: [{ description: 'Setup: Growth automation package', quantity: 1, unitAmount: '2400.00' }],
    issueDate: daysFromNow(-95),
  });
  await setup.update({ status: 'paid', paidAt: new Date(Date.now() - 85 * 86_400_000), paymentMethod: 'bank_transfer' });
  const overdue = await createInvoice({
    clientId: client.id,
    type: 'monthly',
    lines: [{ description: 'Growth plan — monthly fee', quantity: 1, unitAmount: '1490.00' }],
    issueDate: daysFromNow(-40),
    dueDate: daysFromNow(-26),
  });
  await overdue.update({ status: 'overdue' });
  const open = await createInvoice({
    clientId: client.id,
    type: 'monthly',
    lines: [
      { description: 'Growth plan — monthly fee', quantity: 1, unitAmount: '1490.00' },
      { description: 'Extra development hours: carrier label automation', quantity: 3.5, unitAmount: '95.00' },
    ],
    issueDate: daysFromNow(-3),
    notes: 'Thank you for automating with us.',
  });
  await createInvoice({
    clientId: client.id,
    type: 'additional',
    currency: 'USD',
    lines: [{ description: 'US marketplace connector', quantity: 1, unitAmount: '800.00' }],
    issueDate: daysFromNow(-1),
  });
  return { client, setup, overdue, open };
}

describe('invoices in the client portal', () => {
  it('lists the invoices with their status and what is outstanding, shows one, and downloads its PDF', async () => {
    const { client, setup, overdue, open } = await clientWithInvoices();
    const user = await buildUser({ client, email: 'hank@globex.example' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs({ page, baseUrl: portal.url, email: user.email, password: TEST_PASSWORD });

    await page.getByRole('link', { name: 'Invoices', exact: true }).click();
    await page.waitForURL(/\/invoices$/);
    // €1,490.00 overdue + €1,822.50 open; the USD invoice is never added to the euros
    expect(await page.getByTestId('outstanding-EUR').getByTestId('outstanding-amount').textContent()).toBe('€3,312.50');
    expect(await page.getByTestId('outstanding-USD').getByTestId('outstanding-amount').textContent()).toBe('$800.00');
    const rowOf = (number: string) => page.getByRole('row').filter({ hasText: number });
    expect(await rowOf(setup.number).getByTestId('invoice-status').textContent()).toBe('Paid');
    expect(await rowOf(overdue.number).getByTestId('invoice-status').textContent()).toBe('Overdue');
    expect(await rowOf(open.number).getByTestId('invoice-status').textContent()).toBe('Pending');
    await screenshot(page, 'invoices-list');

    await page.getByRole('link', { name: 'Overdue', exact: true }).click();
    await page.waitForURL(/show=overdue/);
    await waitForCount(page.getByRole('row').filter({ hasText: 'INV-' }), 1);
    await page.getByRole('link', { name: 'Open', exact: true }).click();
    await page.waitForURL(/show=open/);
    await waitForCount(page.getByRole('row').filter({ hasText: 'INV-' }), 3);

    await page.getByRole('link', { name: open.number, exact: true }).click();
    await page.waitForURL(new RegExp(`/invoices/${open.id}$`));
    // the URL changes before the new page renders; wait for its heading
    await page.getByRole('heading', { level: 1, name: open.number, exact: true }).waitFor();
    expect(await page.getByTestId('invoice-line').count()).toBe(2);
    const total = formatMoney({ amount: open.amount, currency: 'EUR' });
    expect(total).toBe('€1,822.50');
    expect(await page.getByTestId('invoice-total').textContent()).toBe(total);
    expect(await page.getByTestId('invoice-notice').textContent()).toContain(`${total} is due on`);
    await screenshot(page, 'invoice-detail');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`${open.number}.pdf`);
    const { text } = await readPdfText(new Uint8Array(await readFile((await download.path())!)));
    for (const expected of [open.number, total, 'Globex Corporation', 'Hank Scorpio', 'Total (EUR)', 'Extra development hours']) expect(text).toContain(expected);
    await page.close();
  });

  it("shows client A the 404 page for client B's invoice and refuses its PDF", async () => {
    const { client: clientB, open: ofB } = await clientWithInvoices();
    const clientA = await buildClient({ companyName: 'Initrode' });
    const userA = await buildUser({ client: clientA });
    const page = await browser.newPage();
    await signInAs({ page, baseUrl: portal.url, email: userA.email, password: TEST_PASSWORD });

    await page.goto(`${portal.url}/invoices`);
    await page.getByText('No invoices yet').waitFor();
    expect(await page.getByTestId('outstanding-none').textContent()).toContain('all paid up');
    await screenshot(page, 'invoices-empty');

    const response = await page.goto(`${portal.url}/invoices/${ofB.id}`);
    expect(response!.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    const content = await page.content();
    expect(content).not.toContain(ofB.number);
    expect(content).not.toContain(clientB.companyName);

    const pdf = await page.request.get(`${portal.url}/invoices/${ofB.id}/pdf`);
    expect(pdf.status()).toBe(404);
    expect(pdf.headers()['content-type']).not.toContain('application/pdf');
    expect((await page.goto(`${portal.url}/invoices/not-an-id`))!.status()).toBe(404);
    await page.close();
  });
});
