import { dueReminder } from './reminder-stages';

const stageOn = (today: string) => dueReminder({ dueDate: '2026-05-15', today, daysBefore: 3, repeatDays: 7 })?.key ?? null;

describe('dueReminder', () => {
  it('reminds from 3 days before, on the due date, then every 7 days after it', () => {
    const days = ['2026-05-11', '2026-05-12', '2026-05-14', '2026-05-15', '2026-05-16', '2026-05-21', '2026-05-22', '2026-05-28', '2026-05-29', '2026-06-05'];
    expect(days.map(stageOn)).toEqual([null, 'before', 'before', 'due', null, null, 'overdue-7', 'overdue-7', 'overdue-14', 'overdue-21']);
  });

  it('says how many days are left or late', () => {
    expect(dueReminder({ dueDate: '2026-05-15', today: '2026-05-13', daysBefore: 3, repeatDays: 7 })).toEqual({ key: 'before', kind: 'before', days: 2 });
    expect(dueReminder({ dueDate: '2026-05-15', today: '2026-05-30', daysBefore: 3, repeatDays: 7 })).toEqual({ key: 'overdue-14', kind: 'overdue', days: 15 });
  });

  it('sends no early reminder when the setting is 0 days', () => {
    expect(dueReminder({ dueDate: '2026-05-15', today: '2026-05-14', daysBefore: 0, repeatDays: 7 })).toBeNull();
  });
});
