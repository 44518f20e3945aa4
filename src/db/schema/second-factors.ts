import { bigint, boolean, customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roles } from '../../vocabulary/roles.js';
import { accounts, sessions } from './accounts.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// Second factors (decision 0026): an authenticator app (TOTP), passkeys (WebAuthn) and one-time
// recovery codes. A phished password alone opens nothing for an account that has one.

/**
 * Whether a second factor is required of accounts holding a role (an instance admin counts as
 * `admin`). Set by the instance admin; the migration starts admin and organizer at required.
 */
export const secondFactorRequirements = pgTable('second_factor_requirements', {
  role: text('role', { enum: roles }).primaryKey(),
  required: boolean('required').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One authenticator app per account. The shared secret is encrypted with the keyring (decision
 * 0025): a dump without the master key cannot compute codes. Unconfirmed until the first code
 * from the app is checked. `lastStep`: the last 30-second step a code was accepted for; a code of
 * that step or an earlier one is refused (no replay).
 */
export const totpFactors = pgTable('totp_factors', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** WebAuthn credentials (passkeys, security keys), used as a second factor after the password. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    // The authenticator's credential id (base64url) and COSE public key: nothing secret.
    credentialId: text('credential_id').notNull(),
    publicKey: bytea('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default([]),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('passkeys_credential_key').on(t.credentialId), index('passkeys_account_idx').on(t.accountId)],
);

/** One-time recovery codes: only their SHA-256 is kept; a code works once (`usedAt`). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_account_idx').on(t.accountId)],
);

/**
 * The second step of a session: when it was passed (null: not yet), the WebAuthn challenge being
 * answered, and the back-off of wrong codes. Kept beside `sessions`, one row per session that has
 * started a second step, so the session table itself is unchanged.
 */
export const sessionSecondFactors = pgTable('session_second_factors', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  challenge: text('challenge'),
  challengeExpiresAt: timestamp('challenge_expires_at', { withTimezone: true }),
});

/** Wrong second-factor codes per account, with a growing wait (only someone who has the password gets here). */
export const secondFactorFailures = pgTable('second_factor_failures', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
