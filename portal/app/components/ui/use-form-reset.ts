import { useActionData, useNavigation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/**
 * A ref for a form that empties it after a successful submit (the action redirected, so there is no action
 * data). After an error the typed values stay, so the user only fixes what is wrong.
 */
export function useFormReset() {
  const form = useRef<HTMLFormElement>(null);
  const { state } = useNavigation();
  const actionData = useActionData();
  const submitted = useRef(false);
  useEffect(() => {
    if (state === 'submitting') submitted.current = true;
    if (state !== 'idle' || !submitted.current) return;
    submitted.current = false;
    if (actionData === undefined) form.current?.reset();
  }, [state, actionData]);
  return form;
}
