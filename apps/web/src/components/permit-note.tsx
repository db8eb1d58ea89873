import type { PagePermit } from '../app/use-permit.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { SignInNeeded } from './sign-in-needed.tsx';

/** Why this sign-in may not do an action (with the sign-in button), or nothing when it may. */
export function PermitNote({ permit }: { permit: PagePermit }) {
  const { t } = useI18n();
  return permit.why ? <SignInNeeded id={permit.noteId} message={t(permit.why)} gates="acting" /> : null;
}
