// Back-off after wrong second-factor codes: the first few mistakes cost nothing (people mistype),
// then each further failure doubles the wait, capped at an hour. Unlike the password's back-off
// (decision 0027), this one may be long: only someone who already passed the password step can
// make it wait, so it cannot be used to lock a stranger out.
export const FREE_ATTEMPTS = 5;
const BASE_SECONDS = 30;
const MAX_SECONDS = 60 * 60;

export function lockUntilAfterFailure(failuresSoFar: number, now: Date): Date | null {
  const failures = failuresSoFar + 1;
  if (failures < FREE_ATTEMPTS) return null;
  const seconds = Math.min(MAX_SECONDS, BASE_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
  return new Date(now.getTime() + seconds * 1000);
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
