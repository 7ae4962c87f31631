import { UserUpdateSchema, type UserDto } from '@monoliet/contract';
import type { Caller } from '~/lib/caller.server';
import { ApiError, zodDetails } from '~/lib/errors.server';
import { sendAccountLink } from './account-links.server';
import { resetUserTwoFactor, updateUserAccount } from './user-account-changes.server';

// The forms of a staff user page. Deactivating, a role change and resetting two-factor end the user's
// sessions, so they ask for confirmation first (the confirmation dialog re-posts with confirmed=yes).

export const USER_INTENTS = ['save', 'send-invite', 'send-reset', 'deactivate', 'reactivate', 'reset-2fa'] as const;
export type UserIntent = (typeof USER_INTENTS)[number];

export function isUserIntent(value: unknown): value is UserIntent {
  return USER_INTENTS.includes(value as UserIntent);
}

/** Whether this post changes something that must be confirmed first. */
export function needsConfirmation({ intent, values, user }: { intent: UserIntent; values: Record<string, string | undefined>; user: UserDto }): boolean {
  if (intent === 'deactivate' || intent === 'reset-2fa') return true;
  return intent === 'save' && values.role !== undefined && values.role !== user.role;
}

/** The edit form as an update: only the fields it sends; an empty client removes the membership. */
export function toUserUpdate(values: Record<string, string | undefined>) {
  const isClient = values.role === 'client';
  const parsed = UserUpdateSchema.safeParse({
    email: values.email,
    name: values.name ?? '',
    role: values.role,
    ...(isClient ? { clientId: values.clientId ?? null } : {}),
    ...(isClient && values.clientId ? { memberRole: values.memberRole ?? 'member' } : {}),
  });
  if (!parsed.success) throw new ApiError('invalid_input', 'Check the highlighted fields', zodDetails(parsed.error));
  return parsed.data;
}

/** Runs a confirmed (or harmless) user action; returns the notice code for the page. */
export async function runUserAction({ caller, id, intent, values }: { caller: Caller; id: string; intent: UserIntent; values: Record<string, string | undefined> }): Promise<string> {
  switch (intent) {
    case 'save':
      await updateUserAccount({ caller, id, input: toUserUpdate(values) });
      return 'saved';
    case 'send-invite':
      await sendAccountLink({ caller, id, purpose: 'invite' });
      return 'invited';
    case 'send-reset':
      await sendAccountLink({ caller, id, purpose: 'reset' });
      return 'reset-sent';
    case 'deactivate':
      await updateUserAccount({ caller, id, input: { isActive: false } });
      return 'deactivated';
    case 'reactivate':
      await updateUserAccount({ caller, id, input: { isActive: true } });
      return 'reactivated';
    case 'reset-2fa':
      await resetUserTwoFactor({ caller, id });
      return '2fa-reset';
  }
}
