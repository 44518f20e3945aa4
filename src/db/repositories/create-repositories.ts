import type { Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import { createAccountsRepository } from './accounts-repository.js';
import { createAuditRepository } from './audit-repository.js';
import { createCampaignsRepository } from './campaigns-repository.js';
import { createCardsRepository } from './cards-repository.js';
import { createDataKeysRepository } from './data-keys-repository.js';
import { createConductRepository } from './conduct-repository.js';
import { createEndorsementsRepository } from './endorsements-repository.js';
import { createEventsRepository } from './events-repository.js';
import { createFilingRepository } from './filing-repository.js';
import { createHealthRepository } from './health-repository.js';
import { createLoginThrottlesRepository } from './login-throttles-repository.js';
import { createMailRepository } from './mail-repository.js';
import { createNewsletterSubscribersRepository } from './newsletter-subscribers-repository.js';
import { createNewslettersRepository } from './newsletters-repository.js';
import { createOrganizingRepository } from './organizing-repository.js';
import { createPeopleListRepository } from './people-list-repository.js';
import { createPeopleRepository } from './people-repository.js';
import { createPersonRecordsRepository } from './person-records-repository.js';
import { createPressRepository } from './press-repository.js';
import { createPublicCountersRepository } from './public-counters-repository.js';
import { createPublicNumbersRepository } from './public-numbers-repository.js';
import { createRosterImportRepository } from './roster-import-repository.js';
import { createSecondFactorsRepository } from './second-factors-repository.js';
import { createSupportRepository } from './support-repository.js';
import { createSupportersRepository } from './supporters-repository.js';
import { createSavedViewsRepository } from './saved-views-repository.js';
import { createTagsRepository } from './tags-repository.js';
import { createPetitionsRepository } from './petitions-repository.js';
import { createIntegrationsRepository } from './integrations-repository.js';
import { createOsdiListsRepository } from './osdi-lists-repository.js';
import { createOsdiPeopleRepository } from './osdi-people-repository.js';
import { createOsdiAttendancesRepository } from './osdi-attendances-repository.js';
import { createOsdiSignaturesRepository } from './osdi-signatures-repository.js';
import { createTodayRepository } from './today-repository.js';
import { createUpdateConsentsRepository } from './update-consents-repository.js';
import { createWebhooksRepository } from './webhooks-repository.js';

/**
 * Every repository, built on one executor: the pool for reads outside a command, or the command's
 * transaction (decision 0017). The keyring encrypts and decrypts fields at their edge (decision 0025). Only the domain receives these; routes and the CLI never do.
 */
export function createRepositories(db: Executor, keyring: Keyring) {
  return {
    accounts: createAccountsRepository(db),
    audit: createAuditRepository(db, keyring),
    campaigns: createCampaignsRepository(db),
    conduct: createConductRepository(db),
    mail: createMailRepository(db, keyring),
    people: createPeopleRepository(db),
    peopleList: createPeopleListRepository(db, keyring),
    personRecords: createPersonRecordsRepository(db),
    organizing: createOrganizingRepository(db, keyring),
    publicCounters: createPublicCountersRepository(db),
    publicNumbers: createPublicNumbersRepository(db),
    newsletters: createNewslettersRepository(db),
    subscribers: createNewsletterSubscribersRepository(db),
    endorsements: createEndorsementsRepository(db),
    press: createPressRepository(db),
    events: createEventsRepository(db),
    cards: createCardsRepository(db, keyring),
    dataKeys: createDataKeysRepository(db),
    support: createSupportRepository(db, keyring),
    rosterImports: createRosterImportRepository(db, keyring),
    filing: createFilingRepository(db, keyring),
    health: createHealthRepository(db),
    loginThrottles: createLoginThrottlesRepository(db),
    petitions: createPetitionsRepository(db),
    secondFactors: createSecondFactorsRepository(db, keyring),
    integrations: createIntegrationsRepository(db),
    osdiSignatures: createOsdiSignaturesRepository(db),
    osdiPeople: createOsdiPeopleRepository(db),
    osdiLists: createOsdiListsRepository(db),
    supporters: createSupportersRepository(db),
    tags: createTagsRepository(db),
    osdiAttendances: createOsdiAttendancesRepository(db),
    savedViews: createSavedViewsRepository(db),
    webhooks: createWebhooksRepository(db),
    today: createTodayRepository(db),
    updateConsents: createUpdateConsentsRepository(db, keyring),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
