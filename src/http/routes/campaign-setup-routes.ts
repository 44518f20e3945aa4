import { campaignSetupContract } from '../../contracts/campaign-setup.js';
import { addBargainingUnit } from '../../domain/campaigns/add-bargaining-unit.js';
import { addEmployer } from '../../domain/campaigns/add-employer.js';
import { addWorksites } from '../../domain/campaigns/add-worksites.js';
import { createCampaign } from '../../domain/campaigns/create-campaign.js';
import { parseWorksiteList } from '../../domain/campaigns/parse-worksite-list.js';
import { removeBargainingUnit } from '../../domain/campaigns/remove-bargaining-unit.js';
import { removeDemoCampaign } from '../../domain/campaigns/remove-demo-campaign.js';
import { removeEmployer } from '../../domain/campaigns/remove-employer.js';
import { removeWorksite } from '../../domain/campaigns/remove-worksite.js';
import { updateBargainingUnit } from '../../domain/campaigns/update-bargaining-unit.js';
import { updateCampaignSettings } from '../../domain/campaigns/update-campaign-settings.js';
import { updateEmployer } from '../../domain/campaigns/update-employer.js';
import { updateWorksite } from '../../domain/campaigns/update-worksite.js';
import { viewCampaignSetup } from '../../domain/campaigns/view-campaign-setup.js';
import type { Services } from '../../domain/create-services.js';
import { operation, requesterOf } from '../operation.js';
import { presentCampaign } from '../presenters/campaign-presenter.js';
import { presentCampaignSettings, presentCampaignSetup, presentSetupEmployer, presentSetupUnit, presentSetupWorksite, type MailServerSettings } from '../presenters/campaign-setup-presenter.js';
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

  app.patch('/api/campaigns/:slug/employers/:employerId', { schema: operation('updateEmployer', c.updateEmployer, { tags }) }, async (request) => {
    const employer = await services.execute(updateEmployer, requesterOf(request), { ...request.params, ...request.body });
    return { employer: presentSetupEmployer(employer) };
  });

  app.delete('/api/campaigns/:slug/employers/:employerId', { schema: operation('removeEmployer', c.removeEmployer, { tags }) }, async (request) => {
    return { removed: await services.execute(removeEmployer, requesterOf(request), request.params) };
  });

  app.patch('/api/campaigns/:slug/worksites/:worksiteId', { schema: operation('updateWorksite', c.updateWorksite, { tags }) }, async (request) => {
    const worksite = await services.execute(updateWorksite, requesterOf(request), { ...request.params, ...request.body });
    return { worksite: presentSetupWorksite(worksite) };
  });

  app.delete('/api/campaigns/:slug/worksites/:worksiteId', { schema: operation('removeWorksite', c.removeWorksite, { tags }) }, async (request) => {
    return { removed: await services.execute(removeWorksite, requesterOf(request), request.params) };
  });

  app.patch('/api/campaigns/:slug/units/:unitId', { schema: operation('updateBargainingUnit', c.updateBargainingUnit, { tags }) }, async (request) => {
    const unit = await services.execute(updateBargainingUnit, requesterOf(request), { ...request.params, ...request.body });
    return { unit: presentSetupUnit(unit) };
  });

  app.delete('/api/campaigns/:slug/units/:unitId', { schema: operation('removeBargainingUnit', c.removeBargainingUnit, { tags }) }, async (request) => {
    return { removed: await services.execute(removeBargainingUnit, requesterOf(request), request.params) };
  });

  app.post('/api/demo/remove', { schema: operation('removeDemo', c.removeDemo, { tags }) }, async (request) => {
    const result = await services.execute(removeDemoCampaign, requesterOf(request), {});
    publicSite.cache.clear();
    return result;
  });
}
