import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createKeyring } from '../crypto/keyring.js';
import { loadMasterKey } from '../crypto/master-key.js';
import { createDataKeysRepository } from '../db/repositories/data-keys-repository.js';
import { createRepositories } from '../db/repositories/create-repositories.js';
import { createSignatureWriter } from '../db/repositories/signature-writer.js';
import { createRateCounter, type RateCounter } from '../db/rate-counter.js';
import { createRouteRateLimits } from '../db/route-rate-limits.js';
import { createUsedProofs } from '../db/used-proofs.js';
import { outboxStats, poolStats } from '../db/runtime-stats.js';
import { createLocalNotifications, type Notifications } from '../db/notifications.js';
import { createMailer, type Mailer } from '../mail/create-mailer.js';
import { createWebhookDeliverer } from '../webhooks/create-webhook-deliverer.js';
import { createPetitionService } from './petitions/petition-service.js';
import { createCommandRunner } from './commands/create-command-runner.js';
import { createProofOfWork } from './petitions/proof-of-work.js';

// The wiring of domain services to their repositories, in one place. Routes receive this.
export function createServices(options: { db: Db; config: Config; now?: () => Date; mailer?: Mailer; notifications?: Notifications }) {
  const { db, config } = options;
  const keyring = createKeyring({ masterKey: loadMasterKey(config.masterKey), store: createDataKeysRepository(db) });
  // Between the app processes on one database (LISTEN/NOTIFY, passed in by boot); a single
  // process (a test, a tool) needs no more than its own.
  const notifications = options.notifications ?? createLocalNotifications();
  const now = options.now ?? (() => new Date());
  const repositories = createRepositories(db, keyring);
  const mailer = options.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, replyTo: config.mailReplyTo, dkim: config.dkim, repository: repositories.mail, now });
  // What several app processes must agree on lives in PostgreSQL (decision 0022).
  const rates: RateCounter = createRateCounter(db.$client);
  const usedProofs = createUsedProofs(db.$client);
  const routeRateLimits = createRouteRateLimits(db.$client);
  const proofOfWork = createProofOfWork(config.sessionSecret, usedProofs);
  const petitions = createPetitionService({
    repository: repositories.petitions,
    writer: createSignatureWriter(db),
    rates,
    mailer,
    proofOfWork,
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    smtp: Boolean(config.smtpUrl),
    limits: { ipHoldPerHour: config.petitionIpHoldPerHour, ipLimitPerMinute: config.petitionIpLimitPerMinute, emailLimitPerHour: config.petitionEmailLimitPerHour },
    now,
  });
  const { execute, read } = createCommandRunner({ db, clock: now, mail: mailer, keyring });
  // Webhook events, recorded by commands and delivered like mail (decision 0032).
  const webhooks = createWebhookDeliverer({ repository: repositories.webhooks, now });
  /** Deletes rate windows and used proofs that no longer matter (`serve` runs it now and then). */
  const sweepExpired = async (): Promise<void> => {
    await rates.sweep(now());
    await usedProofs.sweep(now());
  };
  /** What /metrics reports about the database and the outbox. */
  const stats = { pool: () => poolStats(db.$client), outbox: () => outboxStats(db.$client), mail: () => mailer.stats() };
  return { execute, read, repositories, keyring, mailer, webhooks, proofOfWork, petitions, routeRateLimits, sweepExpired, stats, notifications, now };
}

export type Services = ReturnType<typeof createServices>;
