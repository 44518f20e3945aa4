import { campaignSetupContract } from '../../contracts/campaign-setup.js';
import { addBargainingUnit } from '../../domain/campaigns/add-bargaining-unit.js';
import { addEmployer } from '../../domain/campaigns/add-employer.js';
import { addWorksites } from '../../domain/campaigns/add-worksites.js';
import { createCampaign } from '../../domain/campaigns/create-campaign.js';
import { parseWorksiteList } from '../../domain/campaigns/parse-worksite-list.js';
import { removeDemoCampaign } from '../../domain/campaigns/remove-demo-campaign.js';
import { updateCampaignSettings } from '../../domain/campaigns/update-campaign-settings.js';
import { viewCampaignSetup } from '../../domain/campaigns/view-campaign-setup.js';
import type { Services } from '../../domain/create-services.js';
import { operation, requesterOf } from '../operation.js';
import { presentCampaign } from '../presenters/campaign-presenter.js';
import { presentCampaignSettings, presentCampaignSetup, presentSetupEmployer, presentSetupUnit, type MailServerSettings } from '../presenters/campaign-setup-presenter.js';
import type { PublicSite } from '../public-site.js';
import type { ZodApp } from '../zod-app.js';

const c = campaignSetupContract;
const tags = ['campaign set-up'];

// Starting a campaign (instance admins) and changing its set-up later (its admins).
export function registerCampaignSetupRoutes(app: ZodApp, services: Services, publicSite: PublicSite, mail: MailServerSettings): void {
  app.post('/api/campaigns', { schema: operation('createCampaign', c.createCampaign, { tags, status: 201 }) }, async (request, reply) => {
    const campaign = await services.execute(createCampaign, requesterOf(request), request.body);
    return reply.status(201).send({ campaign: { ...presentCampaign(campaign), role: 'admin' as const } });
  });

  app.get('/api/campaigns/:slug/setup', { schema: operation('viewCampaignSetup', c.viewCampaignSetup, { tags }) }, async (request) => {
    return presentCampaignSetup(await services.read(viewCampaignSetup, requesterOf(request), request.params), mail);
  });

  app.put('/api/campaigns/:slug/settings', { schema: operation('updateCampaignSettings', c.updateCampaignSettings, { tags }) }, async (request) => {
    const campaign = await services.execute(updateCampaignSettings, requesterOf(request), { ...request.params, ...request.body });
    // The public pages show the campaign's name and statement.
    publicSite.cache.invalidateCampaign(campaign.id);
    return { settings: presentCampaignSettings(campaign) };
  });

  app.post('/api/campaigns/:slug/employers', { schema: operation('addEmployer', c.addEmployer, { tags, status: 201 }) }, async (request, reply) => {
    const employer = await services.execute(addEmployer, requesterOf(request), { ...request.params, ...request.body });
    return reply.status(201).send({ employer: presentSetupEmployer(employer) });
  });

  app.post('/api/campaigns/:slug/worksites', { schema: operation('addWorksites', c.addWorksites, { tags, status: 201 }) }, async (request, reply) => {
    const lines = request.body.worksites?.map((w) => ({ name: w.name, city: w.city ?? null, employer: w.employer ?? null })) ?? parseWorksiteList(request.body.list ?? '');
    const worksites = await services.execute(addWorksites, requesterOf(request), { slug: request.params.slug, worksites: lines });
    return reply.status(201).send({ worksites });
  });

  app.post('/api/campaigns/:slug/units', { schema: operation('addBargainingUnit', c.addBargainingUnit, { tags, status: 201 }) }, async (request, reply) => {
    const unit = await services.execute(addBargainingUnit, requesterOf(request), { ...request.params, ...request.body });
    return reply.status(201).send({ unit: presentSetupUnit(unit) });
  });

  app.post('/api/demo/remove', { schema: operation('removeDemo', c.removeDemo, { tags }) }, async (request) => {
    const result = await services.execute(removeDemoCampaign, requesterOf(request), {});
    publicSite.cache.clear();
    return result;
  });
}
