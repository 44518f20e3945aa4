import { AppError } from '../../errors.js';
import type { AccountsRepository, AccountRow } from '../../db/repositories/accounts-repository.js';
import type { AuditRepository } from '../../db/repositories/audit-repository.js';
import type { Mailer } from '../../mail/create-mailer.js';
import { isLocked, lockUntilAfterFailure } from './login-backoff.js';
import { decoyHash, describePasswordProblem, hashPassword, verifyPassword } from './passwords.js';
import { absoluteExpiry, isSessionExpired, shouldTouch, type SessionLimits } from './session-expiry.js';
import { generateToken, hashToken } from './tokens.js';

type Deps = {
  accounts: AccountsRepository;
  audit: AuditRepository;
  mailer: Mailer;
  limits: SessionLimits;
  publicUrl: string;
  now: () => Date;
};

export type RequestInfo = { ip: string | null; userAgent: string | null };

const WELCOME_HOURS = 72;
const RESET_MINUTES = 60;
// One message for every failure: a wrong password, an unknown email and a locked account look
// alike from outside, so the login form cannot be used to learn who has an account.
const LOGIN_FAILED = 'That email and password do not match, or there were too many attempts. Wait a minute and try again.';

export function createAccountsService(deps: Deps) {
  const { accounts, audit, now } = deps;

  async function issueLoginLink(account: AccountRow, purpose: 'welcome' | 'reset'): Promise<string> {
    const token = generateToken();
    const minutes = purpose === 'welcome' ? WELCOME_HOURS * 60 : RESET_MINUTES;
    await accounts.createLoginToken({ tokenHash: hashToken(token), accountId: account.id, purpose, expiresAt: new Date(now().getTime() + minutes * 60_000) });
    return `${deps.publicUrl}/app/${purpose === 'welcome' ? 'welcome' : 'reset'}?token=${token}`;
  }

  async function startSession(account: AccountRow, info: RequestInfo): Promise<string> {
    const token = generateToken();
    const createdAt = now();
    await accounts.createSession({ id: hashToken(token), accountId: account.id, createdAt, expiresAt: absoluteExpiry(createdAt, deps.limits), userAgent: info.userAgent?.slice(0, 300) ?? null });
    return token;
  }

  return {
    async createAccount(input: { email: string; name: string; instanceAdmin?: boolean }): Promise<{ account: AccountRow; welcomeLink: string }> {
      if (await accounts.findByEmail(input.email)) throw new AppError('conflict', 'An account with that email already exists.', [{ field: 'email', reason: 'already in use' }]);
      const account = await accounts.create(input);
      return { account, welcomeLink: await issueLoginLink(account, 'welcome') };
    },

    issueWelcomeLink: (account: AccountRow) => issueLoginLink(account, 'welcome'),

    async login(email: string, password: string, info: RequestInfo): Promise<{ token: string; account: AccountRow }> {
      const account = await accounts.findByEmail(email);
      const at = now();
      if (!account || !account.passwordHash || account.disabledAt) {
        await verifyPassword(await decoyHash(), password);
        await audit.append({ actorAccountId: account?.id ?? null, actorEmail: email.slice(0, 200), campaignId: null, action: 'auth.login_failed', ip: info.ip, details: { reason: account ? 'no_password' : 'unknown_email' } });
        throw new AppError('invalid_credentials', LOGIN_FAILED);
      }
      if (isLocked(account.lockedUntil, at)) {
        await audit.append({ actorAccountId: account.id, actorEmail: account.email, campaignId: null, action: 'auth.login_failed', ip: info.ip, details: { reason: 'locked' } });
        throw new AppError('invalid_credentials', LOGIN_FAILED);
      }
      if (!(await verifyPassword(account.passwordHash, password))) {
        const failures = await accounts.recordFailedLogin(account.id, lockUntilAfterFailure(account.failedLogins, at));
        await audit.append({ actorAccountId: account.id, actorEmail: account.email, campaignId: null, action: 'auth.login_failed', ip: info.ip, details: { reason: 'bad_password', failures } });
        throw new AppError('invalid_credentials', LOGIN_FAILED);
      }
      await accounts.clearFailedLogins(account.id);
      const token = await startSession(account, info);
      await audit.append({ actorAccountId: account.id, actorEmail: account.email, campaignId: null, action: 'auth.login', ip: info.ip });
      return { token, account };
    },

    /** The account behind a session cookie, or null when absent, unknown or expired. */
    async authenticate(token: string): Promise<{ account: AccountRow; sessionId: string } | null> {
      const id = hashToken(token);
      const found = await accounts.findSession(id);
      if (!found) return null;
      const at = now();
      if (found.account.disabledAt || isSessionExpired(found.session, at, deps.limits)) {
        await accounts.deleteSession(id);
        return null;
      }
      if (shouldTouch(found.session.lastSeenAt, at)) await accounts.touchSession(id, at);
      return { account: found.account, sessionId: id };
    },

    async logout(sessionId: string, account: AccountRow, info: RequestInfo): Promise<void> {
      await accounts.deleteSession(sessionId);
      await audit.append({ actorAccountId: account.id, actorEmail: account.email, campaignId: null, action: 'auth.logout', ip: info.ip });
    },

    async logoutEverywhere(account: AccountRow, info: RequestInfo): Promise<number> {
      const count = await accounts.deleteSessionsOf(account.id);
      await audit.append({ actorAccountId: account.id, actorEmail: account.email, campaignId: null, action: 'auth.logout_all', ip: info.ip, details: { sessions: count } });
      return count;
    },

    /** Always succeeds from the outside; mails a link only when the account exists. */
    async requestPasswordReset(email: string, info: RequestInfo): Promise<void> {
      const account = await accounts.findByEmail(email);
      if (!account || account.disabledAt) return;
      const link = await issueLoginLink(account, 'reset');
      await deps.mailer.send({
        to: account.email,
        kind: 'password_reset',
        subject: 'Reset your Unionhall password',
        text: `Someone (hopefully you) asked to reset the password of your Unionhall account.\n\nOpen this link within ${RESET_MINUTES} minutes to choose a new password:\n${link}\n\nIf it was not you, ignore this message; your password stays as it is.`,
      });
      await audit.append({ actorAccountId: account.id, actorEmail: account.email, campaignId: null, action: 'auth.password_reset_requested', ip: info.ip });
    },

    /** Uses a one-time welcome or reset link: sets the password, ends every other session, signs in. */
    async setPasswordWithToken(token: string, password: string, info: RequestInfo): Promise<{ token: string; account: AccountRow }> {
      const invalid = new AppError('token_invalid', 'This link has expired or was already used. Ask for a new one.');
      const found = await accounts.findLoginToken(hashToken(token), now());
      const account = found ? await accounts.findById(found.accountId) : undefined;
      if (!found || !account) throw invalid;
      // Check the password before spending the link, so a too-short password can be retried.
      const problem = describePasswordProblem(password, account.email);
      if (problem) throw new AppError('validation_failed', `The password ${problem}.`, [{ field: 'password', reason: problem }]);
      const used = await accounts.consumeLoginToken(found.tokenHash, now());
      if (!used) throw invalid;
      await accounts.setPassword(account.id, await hashPassword(password));
      await accounts.deleteSessionsOf(account.id);
      await audit.append({ actorAccountId: account.id, actorEmail: account.email, campaignId: null, action: used.purpose === 'welcome' ? 'auth.password_set' : 'auth.password_reset', ip: info.ip });
      return { token: await startSession(account, info), account };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
