import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createAccountsRepository } from '../db/repositories/accounts-repository.js';
import { createAuditRepository } from '../db/repositories/audit-repository.js';
import { createCampaignsRepository } from '../db/repositories/campaigns-repository.js';
import { createCardsRepository } from '../db/repositories/cards-repository.js';
import { createConductRepository } from '../db/repositories/conduct-repository.js';
import { createEndorsementsRepository } from '../db/repositories/endorsements-repository.js';
import { createEventsRepository } from '../db/repositories/events-repository.js';
import { createFilingRepository } from '../db/repositories/filing-repository.js';
import { createMailRepository } from '../db/repositories/mail-repository.js';
import { createNewsletterSubscribersRepository } from '../db/repositories/newsletter-subscribers-repository.js';
import { createNewslettersRepository } from '../db/repositories/newsletters-repository.js';
import { createOrganizingRepository } from '../db/repositories/organizing-repository.js';
import { createPeopleRepository } from '../db/repositories/people-repository.js';
import { createPersonRecordsRepository } from '../db/repositories/person-records-repository.js';
import { createPressRepository } from '../db/repositories/press-repository.js';
import { createPublicCountersRepository } from '../db/repositories/public-counters-repository.js';
import { createRosterImportRepository } from '../db/repositories/roster-import-repository.js';
import { createSupportRepository } from '../db/repositories/support-repository.js';
import { createPetitionsRepository } from '../db/repositories/petitions-repository.js';
import { createSignatureWriter } from '../db/repositories/signature-writer.js';
import { createMailer, type Mailer } from '../mail/create-mailer.js';
import { createAccountsService } from './accounts/accounts-service.js';
import { createCardsService } from './cards/cards-service.js';
import { createConductService } from './conduct/conduct-service.js';
import { createFilingService } from './filing/filing-service.js';
import { createMajorityService } from './majority/majority-service.js';
import { createOrganizingService } from './organizing/organizing-service.js';
import { createPetitionService } from './petitions/petition-service.js';
import { createProofOfWork } from './petitions/proof-of-work.js';
import { createRosterImportService } from './roster/roster-import-service.js';

// The wiring of domain services to their repositories, in one place. Routes receive this.
export function createServices(options: { db: Db; config: Config; now?: () => Date; mailer?: Mailer }) {
  const { db, config } = options;
  const now = options.now ?? (() => new Date());
  const repositories = {
    accounts: createAccountsRepository(db),
    audit: createAuditRepository(db),
    campaigns: createCampaignsRepository(db),
    conduct: createConductRepository(db),
    mail: createMailRepository(db),
    people: createPeopleRepository(db),
    personRecords: createPersonRecordsRepository(db),
    organizing: createOrganizingRepository(db),
    rosterImports: createRosterImportRepository(db),
    // The public campaign site (issue 4).
    publicCounters: createPublicCountersRepository(db),
    newsletters: createNewslettersRepository(db),
    subscribers: createNewsletterSubscribersRepository(db),
    endorsements: createEndorsementsRepository(db),
    press: createPressRepository(db),
    events: createEventsRepository(db),
    cards: createCardsRepository(db),
    support: createSupportRepository(db),
    filing: createFilingRepository(db),
    petitions: createPetitionsRepository(db),
  };
  const mailer = options.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, repository: repositories.mail, now });
  const accounts = createAccountsService({
    accounts: repositories.accounts,
    audit: repositories.audit,
    mailer,
    limits: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    publicUrl: config.publicUrl,
    now,
  });
  const rosterImport = createRosterImportService({ imports: repositories.rosterImports, campaigns: repositories.campaigns, now });
  const organizing = createOrganizingService({ records: repositories.personRecords, organizing: repositories.organizing, campaigns: repositories.campaigns, now });
  const cards = createCardsService({ cards: repositories.cards, mailer, now });
  const majority = createMajorityService({ support: repositories.support, campaigns: repositories.campaigns, now });
  const conduct = createConductService({ conduct: repositories.conduct, now });
  const filing = createFilingService({ filing: repositories.filing, cards: repositories.cards, now });
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
  return { repositories, mailer, accounts, rosterImport, organizing, cards, majority, conduct, filing, proofOfWork, petitions, now };
}

export type Services = ReturnType<typeof createServices>;
