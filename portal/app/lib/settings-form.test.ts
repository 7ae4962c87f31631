import { SettingsUpdateSchema } from '@monoliet/contract';
import { readSettingsForm, splitAddresses } from './settings-form';

function formOf(values: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return form;
}

const VALID = {
  companyName: 'Brightloop',
  supportEmail: 'help@brightloop.example',
  brandColor: '#0ea5e9',
  logoUrl: '',
  invoicePrefix: 'BL',
  paymentTermsDays: '30',
  reminderDaysBefore: '3',
  reminderRepeatDays: '7',
  alertThrottleMinutes: '60',
  alertRecipients: 'ops@brightloop.example, lena@brightloop.example\nops@brightloop.example',
  reconcileCron: '*/10 * * * *',
  remindersCron: '0 8 * * *',
  healthCron: '*/5 * * * *',
  healthSuccessRateThreshold: '80',
  healthWindowHours: '24',
  healthMinRuns: '5',
  healthStuckMinutes: '60',
  healthNoRunsDays: '7',
};

describe('the settings form', () => {
  it('becomes a valid update: numbers, no logo, recipients as a list, an unticked box as false', () => {
    const input = readSettingsForm(formOf(VALID));
    const parsed = SettingsUpdateSchema.parse(input);
    expect(parsed.paymentTermsDays).toBe(30);
    expect(parsed.logoUrl).toBeNull();
    expect(parsed.alertRecipients).toEqual(['ops@brightloop.example', 'lena@brightloop.example']);
    expect(parsed.countManualRuns).toBe(false);
    expect(readSettingsForm(formOf({ ...VALID, countManualRuns: 'on' })).countManualRuns).toBe(true);
  });

  it('leaves a number field with words in it for the schema to refuse, naming the field', () => {
    const result = SettingsUpdateSchema.safeParse(readSettingsForm(formOf({ ...VALID, paymentTermsDays: 'two weeks', reconcileCron: 'every minute' })));
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['paymentTermsDays', 'reconcileCron']));
  });

  it('splits addresses on commas, semicolons and lines, each once', () => {
    expect(splitAddresses(' a@x.example;b@x.example\n\nc@x.example , A@x.example')).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
  });
});
