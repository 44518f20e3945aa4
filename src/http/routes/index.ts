import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Services } from '../../domain/create-services.js';
import type { ZodApp } from '../zod-app.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerAssessmentRoutes } from './assessment-routes.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerBackupRoutes, type DumpDatabase } from './backup-routes.js';
import { registerCampaignRoutes } from './campaign-routes.js';
import { registerCampaignSetupRoutes } from './campaign-setup-routes.js';
import { registerCommitteeRoutes } from './committee-routes.js';
import { registerConversationRoutes } from './conversation-routes.js';
import { registerCardFormRoutes } from './card-form-routes.js';
import { registerCardRoutes } from './card-routes.js';
import { registerConductRoutes } from './conduct-routes.js';
import { registerFilingRoutes } from './filing-routes.js';
import { registerHealthRoutes, type Lifecycle } from './health-routes.js';
import { createPublicSite } from '../public-site.js';
import { registerEndorsementRoutes } from './endorsement-routes.js';
import { registerEventRoutes } from './event-routes.js';
import { registerNewsletterRoutes } from './newsletter-routes.js';
import { registerPersonRoutes } from './person-routes.js';
import { registerPressRoutes } from './press-routes.js';
import { registerMajorityRoutes } from './majority-routes.js';
import { registerOsdiRoutes } from './osdi-routes.js';
import { registerPersonSignupRoutes } from './person-signup-routes.js';
import { registerOsdiEventRoutes } from './osdi-event-routes.js';
import { registerOsdiMessageRoutes } from './osdi-message-routes.js';
import { registerIntegrationRoutes } from './integration-routes.js';
import type { CorsOrigins } from '../plugins/cors.js';
import { registerPetitionAdminRoutes } from './petition-admin-routes.js';
import { registerPetitionRoutes } from './petition-routes.js';
import { registerPublicNumbersRoutes } from './public-numbers-routes.js';
import { registerPublicSiteRoutes } from './public-site-routes.js';
import { registerRosterImportRoutes } from './roster-import-routes.js';
import { registerSecondFactorRoutes } from './second-factor-routes.js';
import { registerTodayRoutes } from './today-routes.js';

export type RouteContext = { config: Config; db: Db; services: Services; lifecycle?: Lifecycle; dumpDatabase?: DumpDatabase; cors: CorsOrigins };

// Every capability's routes, registered in one place. Add a line per capability.
export function registerRoutes(app: ZodApp, context: RouteContext): void {
  const { config, services } = context;
  registerHealthRoutes(app, services, config, context.lifecycle ?? { draining: () => false });
  registerAuthRoutes(app, services, config);
  registerCampaignRoutes(app, services);
  registerAdminRoutes(app, services, config);
  registerSecondFactorRoutes(app, services, config);
  registerBackupRoutes(app, services, context.dumpDatabase);
  registerRosterImportRoutes(app, services);
  registerPersonRoutes(app, services);
  registerAssessmentRoutes(app, services);
  registerConversationRoutes(app, services);
  registerCommitteeRoutes(app, services);
  registerConductRoutes(app, services);
  registerTodayRoutes(app, services);
  // The public campaign site and its organizer APIs (issue 4). `publicSite` holds the page cache
  // that content writes invalidate; other public pages can register through it too.
  const publicSite = createPublicSite(services, config);
  publicSite.registerFastPath(app);
  registerPublicSiteRoutes(app, services, publicSite);
  // The mail settings screen shows how this server sends (DKIM read-only: it is configuration).
  registerCampaignSetupRoutes(app, services, publicSite, { from: config.mailFrom, dkim: config.dkim ? { domain: config.dkim.domainName, selector: config.dkim.keySelector } : null });
  registerNewsletterRoutes(app, services, publicSite, config);
  registerEndorsementRoutes(app, services, publicSite);
  registerPressRoutes(app, services, publicSite);
  registerEventRoutes(app, services, publicSite);
  registerCardRoutes(app, services, config, publicSite);
  registerPublicNumbersRoutes(app, services, publicSite);
  registerMajorityRoutes(app, services);
  registerFilingRoutes(app, services);
  registerCardFormRoutes(app, services, config, publicSite);
  registerPetitionRoutes(app, services, publicSite, config);
  registerPetitionAdminRoutes(app, services, publicSite);
  registerPersonSignupRoutes(app, services, publicSite, config);
  registerOsdiRoutes(app, services, config, publicSite);
  registerOsdiEventRoutes(app, services, config);
  registerOsdiMessageRoutes(app, services, config);
  registerIntegrationRoutes(app, services, context.cors, config);
}
