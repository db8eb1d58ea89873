import { useId } from 'react';
import type { AuthMe, Role } from '../api/contract.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useApp } from './app-context.tsx';
import { isAlertsOnly } from './use-session.ts';

/** Who holds the sign-in, as an action sees it: a role, the alerts-only token, or nobody. */
type Holder = Role | 'alerts' | 'signedOut';

interface Rule {
  readonly allowed: readonly Role[];
  readonly refusals: Readonly<Partial<Record<Holder, MessageKey>>>;
}

// Typed so that a rule names a note for every holder it refuses: none is turned away without a reason.
const rule = <A extends Role>(
  allowed: readonly A[],
  refusals: Readonly<Record<Exclude<Holder, A>, MessageKey>>,
): Rule => ({ allowed, refusals });

/**
 * The actions the server keeps for some roles (serve/routes/admin.ts: runs and uploads need an
 * operator, promote and roll back an admin), and what to tell everyone else.
 */
const RULES = {
  run: rule(['operator', 'admin'], {
    signedOut: 'pipeline.signInToRun',
    reader: 'pipeline.readerCannotRun',
    alerts: 'pipeline.alertsOnlyCannotRun',
  }),
  upload: rule(['operator', 'admin'], {
    signedOut: 'upload.signInToUpload',
    reader: 'upload.readerCannotUpload',
    alerts: 'upload.alertsOnlyCannotUpload',
  }),
  moveChampion: rule(['admin'], {
    signedOut: 'models.signInToMove',
    reader: 'models.readerCannotMove',
    operator: 'models.operatorCannotMove',
    alerts: 'models.alertsOnlyCannotMove',
  }),
};

export type GuardedAction = keyof typeof RULES;

/** Whether a sign-in may do an action, and if not, the note saying why. */
interface Permit {
  readonly allowed: boolean;
  /** null when allowed, and while the server has not yet said what a kept token is (nothing true to say then). */
  readonly why: MessageKey | null;
}

function holderOf(token: string, me: AuthMe | null): Holder | null {
  if (!token) return 'signedOut';
  if (me?.role) return me.role;
  return isAlertsOnly(me) ? 'alerts' : null;
}

/** What the sign-in (`token`, and the server's answer about it) may do about `action`. */
function permitFor(action: GuardedAction, token: string, me: AuthMe | null): Permit {
  const holder = holderOf(token, me);
  if (holder === null) return { allowed: false, why: null };
  const { allowed, refusals } = RULES[action];
  if (allowed.some((role) => role === holder)) return { allowed: true, why: null };
  return { allowed: false, why: refusals[holder] ?? null };
}

/** A page's permit for an action, with the id its note takes so the controls it turns off can point at it. */
export interface PagePermit extends Permit {
  /** Set only when there is a note: for `aria-describedby` on the controls that are off. */
  readonly noteId: string | undefined;
}

/**
 * This tab's sign-in's permit for `action`; render the note with `<PermitNote permit={…} />`.
 *
 * @example
 * const upload = usePermit('upload');
 * <button disabled={!upload.allowed} aria-describedby={upload.noteId}>…</button>
 */
export function usePermit(action: GuardedAction): PagePermit {
  const { token, me } = useApp();
  const id = useId();
  const permit = permitFor(action, token, me);
  return { ...permit, noteId: permit.why ? id : undefined };
}
