import { SignInButton } from '../app/sign-in.tsx';

/** What signing in would allow here, with the button that opens the sign-in dialog next to it. */
export function SignInNeeded({ message }: { message: string }) {
  return (
    <div className="warning sign-in-needed" data-testid="sign-in-needed">
      <p>{message}</p>
      <SignInButton />
    </div>
  );
}
