import { checkTicketTransition } from './ticket-transitions';

describe('checkTicketTransition', () => {
  it('allows starting, resolving and reopening', () => {
    expect(checkTicketTransition({ from: 'open', to: 'in_progress' })).toBeNull();
    expect(checkTicketTransition({ from: 'in_progress', to: 'resolved' })).toBeNull();
    expect(checkTicketTransition({ from: 'open', to: 'resolved' })).toBeNull();
    expect(checkTicketTransition({ from: 'resolved', to: 'open' })).toBeNull();
  });

  it('treats the same status as no change', () => {
    expect(checkTicketTransition({ from: 'in_progress', to: 'in_progress' })).toBeNull();
  });

  it('refuses skipping the reopen and going back from in progress, naming what is allowed', () => {
    expect(checkTicketTransition({ from: 'resolved', to: 'in_progress' })).toBe('This ticket is resolved; reopen it (status "open") before setting it to in progress');
    expect(checkTicketTransition({ from: 'in_progress', to: 'open' })).toBe('A ticket that is in progress cannot be set to open; allowed: resolved');
  });
});
