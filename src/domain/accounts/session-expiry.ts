// Two clocks bound a session: idle (no request for a while: a laptop left open in a staff room)
// and absolute (however active, sign in again each day).
export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };
export type SessionLimits = { idleMinutes: number; absoluteHours: number };

export function absoluteExpiry(createdAt: Date, limits: SessionLimits): Date {
  return new Date(createdAt.getTime() + limits.absoluteHours * 3600_000);
}

export function isSessionExpired(session: SessionTimes, now: Date, limits: SessionLimits): boolean {
  if (now.getTime() >= session.expiresAt.getTime()) return true;
  return now.getTime() - session.lastSeenAt.getTime() >= limits.idleMinutes * 60_000;
}

// Writing last_seen_at on every request would turn each read into a write; a minute's precision
// is plenty for an idle limit counted in tens of minutes.
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > 60_000;
}
