import { createHash } from 'node:crypto';

/**
 * The name a session goes by in the app: a hash of its stored id, so the page that lists sessions
 * never holds the key of the sessions table, let alone a cookie.
 */
export function sessionHandle(sessionId: string): string {
  return createHash('sha256').update(`session-handle:${sessionId}`).digest('base64url').slice(0, 24);
}
