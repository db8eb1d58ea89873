import { SignInButton } from '../app/sign-in.tsx';

/**
 * What signing in would allow here, with the button that opens the sign-in dialog next to it. `id`
 * lets a control it explains point at it (`aria-describedby`).
 */
export function SignInNeeded({ message, id }: { message: string; id?: string }) {
  return (
    <div className="warning sign-in-needed" data-testid="sign-in-needed" id={id}>
      <p>{message}</p>
      <SignInButton />
    </div>
  );
}
