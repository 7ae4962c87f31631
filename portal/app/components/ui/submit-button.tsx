import { useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { Button } from './button';

/**
 * A submit button that shows it is working while its form is being sent. `intent` names the action when a
 * page has several forms, so only the button that was pressed turns busy.
 */
export function SubmitButton({
  children,
  busyLabel,
  intent,
  variant,
  size,
  className,
}: {
  children: ReactNode;
  busyLabel: string;
  intent?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'sm' | 'md';
  className?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && (!intent || navigation.formData?.get('intent') === intent);
  return (
    <Button type="submit" name={intent ? 'intent' : undefined} value={intent} variant={variant} size={size} className={className} disabled={busy} aria-busy={busy || undefined}>
      {busy ? (
        <>
          <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />
          {busyLabel}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
