import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createKeyring } from '../crypto/keyring.js';
import { loadMasterKey } from '../crypto/master-key.js';
import { createDataKeysRepository } from '../db/repositories/data-keys-repository.js';
import { createRepositories } from '../db/repositories/create-repositories.js';
import { createSignatureWriter } from '../db/repositories/signature-writer.js';
import { createMailer, type Mailer } from '../mail/create-mailer.js';
import { createPetitionService } from './petitions/petition-service.js';
import { createCommandRunner } from './commands/create-command-runner.js';
import { createProofOfWork } from './petitions/proof-of-work.js';

// The wiring of domain services to their repositories, in one place. Routes receive this.
export function createServices(options: { db: Db; config: Config; now?: () => Date; mailer?: Mailer }) {
  const { db, config } = options;
  const keyring = createKeyring({ masterKey: loadMasterKey(config.masterKey), store: createDataKeysRepository(db) });
  const now = options.now ?? (() => new Date());
  const repositories = createRepositories(db, keyring);
  const mailer = options.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, repository: repositories.mail, now });
  const proofOfWork = createProofOfWork(config.sessionSecret);
  const petitions = createPetitionService({
    repository: repositories.petitions,
    writer: createSignatureWriter(db),
    mailer,
    proofOfWork,
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    smtp: Boolean(config.smtpUrl),
    limits: { ipHoldPerHour: config.petitionIpHoldPerHour, ipLimitPerMinute: config.petitionIpLimitPerMinute, emailLimitPerHour: config.petitionEmailLimitPerHour },
    now,
  });
  const { execute, read } = createCommandRunner({ db, clock: now, mail: mailer, keyring });
  return { execute, read, repositories, keyring, mailer, proofOfWork, petitions, now };
}

export type Services = ReturnType<typeof createServices>;
