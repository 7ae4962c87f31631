import { describeCronProblem } from './cron';

describe('describeCronProblem', () => {
  it.each(['*/15 * * * *', '0 8 * * *', '0 8 * * MON-FRI', '30 6 1,15 * *', '0 0 1 JAN,jul *', '5-55/10 0-23/2 * * 0,7', '0 12 * * sun'])('accepts "%s"', (cron) => {
    expect(describeCronProblem(cron)).toBeNull();
  });

  it.each([
    ['', /5 fields/],
    ['* * * *', /5 fields/],
    ['0 0 * * * *', /5 fields/],
    ['60 * * * *', /minute/],
    ['* 24 * * *', /hour/],
    ['* * 0 * *', /day of month/],
    ['* * * 13 *', /month/],
    ['* * * * 8', /day of week/],
    ['*/0 * * * *', /step/],
    ['*/x * * * *', /step/],
    ['10-5 * * * *', /backwards/],
    ['? * * * *', /minute/],
    ['0 0 L * *', /day of month/],
    ['1-2-3 * * * *', /minute/],
    ['*/5/2 * * * *', /minute/],
    [', * * * *', /minute/],
    ['0 0 * FOO *', /month/],
  ])('refuses "%s"', (cron, problem) => {
    expect(describeCronProblem(cron)).toMatch(problem);
  });
});
