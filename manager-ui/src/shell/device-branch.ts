/**
 * The branch this device works for, before anyone signs in: `?branch=`, else the last branch used
 * on this device, else the demo branch. The sign-in page speaks its language; an admin (of every
 * branch) works on it.
 */
const BRANCH_KEY = 'lobbyflow.manager.branch';

/** `?branch=`, the last branch used here, or the demo branch; `?branch=` is remembered. */
export function deviceBranch(): string {
  let branch = new URLSearchParams(location.search).get('branch');
  try {
    branch ??= localStorage.getItem(BRANCH_KEY);
    if (branch) localStorage.setItem(BRANCH_KEY, branch);
  } catch {
    // Storage unavailable: ?branch= or the default for this page only.
  }
  return branch ?? 'demo';
}

/** Remembers the branch a signed-in user works on, so the next sign-in page here starts in its language. */
export function rememberBranch(branchId: string): void {
  try {
    localStorage.setItem(BRANCH_KEY, branchId);
  } catch {
    // Private mode: the next sign-in page falls back to ?branch= or the demo branch.
  }
}
