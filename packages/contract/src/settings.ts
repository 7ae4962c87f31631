import { z } from 'zod';
import { defineRoute, isoDateTime } from './api';
import { describeCronProblem } from './cron';

/** The portal_settings singleton: branding, billing defaults, alerting, job schedules and health thresholds. */
export const SettingsSchema = z.object({
  companyName: z.string(),
  supportEmail: z.string(),
  /** staff who receive workflow alerts and health notices */
  alertRecipients: z.array(z.string()),
  brandColor: z.string(),
  logoUrl: z.string().nullable(),
  invoicePrefix: z.string(),
  paymentTermsDays: z.int(),
  reminderDaysBefore: z.int(),
  reminderRepeatDays: z.int(),
  alertThrottleMinutes: z.int(),
  reconcileCron: z.string(),
  remindersCron: z.string(),
  healthCron: z.string(),
  healthSuccessRateThreshold: z.int(),
  healthWindowHours: z.int(),
  healthMinRuns: z.int(),
  healthStuckMinutes: z.int(),
  healthNoRunsDays: z.int(),
  /** whether manual (editor) runs count in the statistics; changing it recomputes every daily rollup */
  countManualRuns: z.boolean(),
  updatedAt: isoDateTime,
});
export type SettingsDto = z.infer<typeof SettingsSchema>;

const cron = z
  .string()
  .trim()
  .max(100)
  .superRefine((value, ctx) => {
    const problem = describeCronProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => value.split(/\s+/).join(' '))
  .describe('a 5-field cron expression (minute hour day-of-month month day-of-week), in UTC');

const whole = (min: number, max: number) => z.int().min(min).max(max);

// The bounds repeat the table's CHECK constraints, so a bad value is a 400 naming the field.
export const SettingsUpdateSchema = z
  .object({
    companyName: z.string().trim().min(1).max(200),
    supportEmail: z.email().max(320),
    alertRecipients: z.array(z.email().max(320)).max(50),
    brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like "#4f46e5"'),
    logoUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
    invoicePrefix: z.string().regex(/^[A-Z0-9]{1,10}$/, 'use 1 to 10 capital letters or digits'),
    paymentTermsDays: whole(0, 365),
    reminderDaysBefore: whole(0, 60),
    reminderRepeatDays: whole(1, 90),
    alertThrottleMinutes: whole(1, 10_080),
    reconcileCron: cron,
    remindersCron: cron,
    healthCron: cron,
    healthSuccessRateThreshold: whole(0, 100),
    healthWindowHours: whole(1, 720),
    healthMinRuns: whole(1, 100_000),
    healthStuckMinutes: whole(1, 100_000),
    healthNoRunsDays: whole(1, 3650),
    countManualRuns: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

export const settingsRoutes = {
  get: defineRoute({ id: 'getSettings', method: 'GET', path: '/settings', summary: 'The portal settings', tag: 'Settings', access: 'staff', scope: 'read', response: SettingsSchema, status: 200 }),
  update: defineRoute({ id: 'updateSettings', method: 'PATCH', path: '/settings', summary: 'Change some portal settings (audited)', tag: 'Settings', access: 'staff', scope: 'write', body: SettingsUpdateSchema, response: SettingsSchema, status: 200, example: { companyName: 'Pied Piper Automation', alertRecipients: ['ops@piedpiper.example'], reconcileCron: '*/10 * * * *' }, description: 'Send only the fields to change. Each change is written to the audit log with its old and new value. The three schedules are 5-field cron expressions in UTC. Changing `countManualRuns` recomputes every daily statistic.' }),
};
