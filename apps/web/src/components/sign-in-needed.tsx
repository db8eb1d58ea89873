import { SignInButton } from '../app/sign-in.tsx';
import { useApp } from '../app/app-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * What signing in would allow here, with the button that opens the sign-in dialog next to it. `id`
 * lets a control it explains point at it (`aria-describedby`). On a server nobody can sign in to
 * (no token with a role) it says instead how whoever runs the server opens what it gates: the page's
 * data (`gates: 'reading'`), or an action on a page everyone sees (`'acting'`: run, promote, upload).
 */
export function SignInNeeded({
  message,
  id,
  gates = 'reading',
}: {
  message: string;
  id?: string;
  gates?: 'reading' | 'acting';
}) {
  const { t } = useI18n();
  const { token, signInPossible } = useApp();
  if (!token && signInPossible === false) {
    return (
      <div className="warning sign-in-needed" data-testid="sign-in-needed" id={id}>
        <p>{t(gates === 'acting' ? 'auth.noTokenForActions' : 'auth.noReaderOnServer')}</p>
      </div>
    );
  }
  return (
    <div className="warning sign-in-needed" data-testid="sign-in-needed" id={id}>
      <p>{message}</p>
      <SignInButton />
    </div>
  );
}
