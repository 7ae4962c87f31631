import { parseInstanceCreate, parseInstanceUpdate } from './instance-form';
import { summarizePayload } from './job-summary';
import { parseWorkflowSettings } from './workflow-settings-form';

describe('parseWorkflowSettings', () => {
  it('turns the form into an update: empty client is unassigned, empty interval is none', () => {
    expect(parseWorkflowSettings({ clientId: '', minutesSavedPerRun: '12.5', expectedIntervalMinutes: '' })).toEqual({ input: { clientId: null, minutesSavedPerRun: 12.5, expectedIntervalMinutes: null }, errors: null });
    const clientId = '6f1c1c1e-8b7a-4c1e-9d7a-1b2c3d4e5f60';
    expect(parseWorkflowSettings({ clientId, minutesSavedPerRun: '3', expectedIntervalMinutes: '60' }).input).toEqual({ clientId, minutesSavedPerRun: 3, expectedIntervalMinutes: 60 });
  });

  it('names each bad field in words', () => {
    expect(parseWorkflowSettings({ clientId: 'acme', minutesSavedPerRun: '-1', expectedIntervalMinutes: '1.5' }).errors).toEqual({
      clientId: ['Choose a client from the list'],
      minutesSavedPerRun: ['Enter the minutes as a number from 0, with at most two decimals'],
      expectedIntervalMinutes: ['Enter whole minutes from 1 to 525600, or leave empty'],
    });
    expect(parseWorkflowSettings({ minutesSavedPerRun: '1.234' }).errors).toHaveProperty('minutesSavedPerRun');
    expect(parseWorkflowSettings({}).errors).toHaveProperty('minutesSavedPerRun');
  });
});

describe('the n8n instance form', () => {
  it('keeps the stored key when the key field is empty, and removes it only when asked', () => {
    const base = { name: 'Prod', baseUrl: 'https://n8n.example.com/', isActive: 'on' };
    expect(parseInstanceUpdate(base).input).toEqual({ name: 'Prod', baseUrl: 'https://n8n.example.com', isActive: true });
    expect(parseInstanceUpdate({ ...base, apiKey: 'new-key' }).input).toMatchObject({ apiKey: 'new-key' });
    expect(parseInstanceUpdate({ ...base, apiKey: 'typed-anyway', removeApiKey: 'on' }).input).toMatchObject({ apiKey: null });
    expect(parseInstanceUpdate({ name: 'Prod', baseUrl: 'https://n8n.example.com' }).input).toMatchObject({ isActive: false });
  });

  it('reports a missing name and a bad address next to their fields', () => {
    expect(Object.keys(parseInstanceCreate({ baseUrl: 'not a url' }).errors ?? {}).sort()).toEqual(['baseUrl', 'name']);
    expect(parseInstanceCreate({ name: 'Prod', baseUrl: 'https://n8n.example.com' }).input).toEqual({ name: 'Prod', baseUrl: 'https://n8n.example.com', apiKey: null, isActive: false });
  });
});

describe('summarizePayload', () => {
  it('shows a job payload on one short line', () => {
    expect(summarizePayload({})).toBe('no payload');
    expect(summarizePayload({ emailId: 'abc' })).toBe('{"emailId":"abc"}');
    const long = summarizePayload({ text: 'x'.repeat(300) });
    expect([long.length, long.endsWith('…')]).toEqual([120, true]);
  });
});
