import { setSchedule } from '~/lib/jobs/boss.server';
import type { QueueName } from '~/lib/jobs/queues.server';
import { logger } from '~/lib/logger.server';
import type { PortalSettings } from '~/models/index.server';
import { getSettings } from './settings.server';

/** The queues that run on a cron from portal_settings (UTC). */
export const SCHEDULED_QUEUES: { queue: QueueName; cron: (settings: PortalSettings) => string }[] = [
  { queue: 'reconcile', cron: (settings) => settings.reconcileCron },
  { queue: 'invoice-reminders', cron: (settings) => settings.remindersCron },
  { queue: 'workflow-health', cron: (settings) => settings.healthCron },
];

export type AppliedSchedule = { queue: QueueName; cron: string; error?: string };

/**
 * (Re)applies the schedules from portal_settings. Runs at start, and must be called after the settings'
 * cron columns change. The schedules live in the database, so one call updates every replica. An
 * invalid cron is reported and leaves that queue's previous schedule in place.
 */
export async function applySchedules(): Promise<AppliedSchedule[]> {
  const settings = await getSettings();
  const applied: AppliedSchedule[] = [];
  for (const { queue, cron } of SCHEDULED_QUEUES) {
    const expression = cron(settings);
    try {
      if (await setSchedule({ queue, cron: expression })) applied.push({ queue, cron: expression });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ queue, cron: expression, err: error }, 'invalid schedule in portal_settings');
      applied.push({ queue, cron: expression, error: message });
    }
  }
  return applied;
}
