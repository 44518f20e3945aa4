import { z } from 'zod';
import { campaignSummary } from './campaigns.js';
import { instant, role } from './shared.js';

// The organizer API of accounts and sessions (sign-in, sign-out, password links) and of instance
// administration (accounts, the outbox).

const email = z.string().trim().toLowerCase().email('is not an email address').max(254);

/** An account as anyone sees it: never the password hash, the lock state or the failure count. */
export const account = z.object({ id: z.uuid(), email: z.string(), name: z.string(), instanceAdmin: z.boolean(), hasPassword: z.boolean(), disabled: z.boolean() });
export type Account = z.infer<typeof account>;

/** A campaign the signed-in account belongs to, with its role there. */
export const myCampaign = campaignSummary.extend({ role });
export type MyCampaign = z.infer<typeof myCampaign>;

export const myAccount = z.object({ account, campaigns: z.array(myCampaign) });
export type MyAccount = z.infer<typeof myAccount>;

/** A message in the transmission log: sent over SMTP, failed (with the reason), or held in the local outbox. */
export const outboxMessage = z.object({
  id: z.uuid(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  transport: z.enum(['smtp', 'outbox']),
  createdAt: instant,
  sentAt: instant.nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: instant.nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

const signedIn = z.object({ account });

/** One of my sessions: which browser, when it started, when it was last used; never its key. */
export const mySession = z.object({
  handle: z.string(),
  device: z.string().meta({ description: 'The browser and system, as its User-Agent names them (e.g. "Firefox on Windows")' }),
  createdAt: instant,
  lastSeenAt: instant,
  current: z.boolean(),
});
export type MySession = z.infer<typeof mySession>;

const accountParams = z.object({ accountId: z.uuid('is not an account id') });
const sessionsEnded = z.object({ sessionsEnded: z.number().int() });

export const accountsContract = {
  getCsrfToken: { response: z.object({ token: z.string() }) },
  signIn: {
    body: z.object({
      email,
      password: z.string().min(1, 'is required').max(256),
      // Unset: the cookie ends with the browser (a shared staff-room computer); set: it lasts the session's absolute limit.
      keepSignedIn: z.boolean().default(false),
    }),
    response: signedIn,
  },
  signOut: { response: z.void().meta({ description: 'Signed out (no content)' }) },
  signOutEverywhere: { response: z.object({ sessionsEnded: z.number().int() }) },
  viewMyAccount: { response: myAccount },
  requestPasswordReset: { body: z.object({ email }), response: z.object({ message: z.string() }) },
  setPassword: { body: z.object({ token: z.string().min(10).max(200), password: z.string().max(256) }), response: signedIn },
  changeOwnPassword: {
    body: z.object({ currentPassword: z.string().min(1, 'is required').max(256), newPassword: z.string().max(256) }),
    response: sessionsEnded,
  },
  listMySessions: { response: z.object({ sessions: z.array(mySession) }) },
  endMySession: { params: z.object({ handle: z.string().min(1).max(64) }), response: sessionsEnded },
  endOtherSessions: { response: sessionsEnded },
  disableAccount: { params: accountParams, response: z.object({ user: account }) },
  enableAccount: { params: accountParams, response: z.object({ user: account }) },
  setInstanceAdmin: { params: accountParams, body: z.object({ instanceAdmin: z.boolean() }), response: z.object({ user: account }) },
  listAccounts: { response: z.object({ users: z.array(account) }) },
  createAccount: {
    body: z.object({ email, name: z.string().trim().min(1, 'is required').max(200), instanceAdmin: z.boolean().default(false) }),
    response: z.object({ user: account }),
  },
  listOutbox: {
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), allCampaigns: z.enum(['true', 'false']).default('false') }),
    response: z.object({ messages: z.array(outboxMessage) }) },
} as const;
