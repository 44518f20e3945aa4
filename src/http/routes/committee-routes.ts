import { organizingContract as c } from '../../contracts/organizing.js';
import type { Services } from '../../domain/create-services.js';
import { assignToCommitteeList } from '../../domain/organizing/assign-to-committee-list.js';
import { listCommitteeLists } from '../../domain/organizing/list-committee-lists.js';
import { listCommitteeMembers } from '../../domain/organizing/list-committee-members.js';
import { removeFromCommitteeList } from '../../domain/organizing/remove-from-committee-list.js';
import { viewCoverage } from '../../domain/organizing/view-coverage.js';
import { operation, requesterOf } from '../operation.js';
import { presentCoverage } from '../presenters/organizing-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['committee'];

// Committee lists ("who organizes whom") and worksite coverage.
export function registerCommitteeRoutes(app: ZodApp, services: Services): void {
  app.get('/api/campaigns/:slug/committee-lists', { schema: operation('listCommitteeLists', c.listCommitteeLists, { tags }) }, async (request) => {
    return { lists: await services.execute(listCommitteeLists, requesterOf(request), request.params) };
  });

  // The committee members a list can be given to, with their worksites (for the assign form).
  app.get('/api/campaigns/:slug/committee-members', { schema: operation('listCommitteeMembers', c.listCommitteeMembers, { tags }) }, async (request) => {
    return { members: await services.execute(listCommitteeMembers, requesterOf(request), request.params) };
  });

  app.post('/api/campaigns/:slug/committee-lists/:accountId/people', { schema: operation('assignToCommitteeList', c.assignToCommitteeList, { tags }) }, async (request) => {
    return { assigned: await services.execute(assignToCommitteeList, requesterOf(request), { ...request.params, personIds: request.body.personIds }) };
  });

  app.delete('/api/campaigns/:slug/committee-lists/:accountId/people/:personId', { schema: operation('removeFromCommitteeList', c.removeFromCommitteeList, { tags }) }, async (request) => {
    await services.execute(removeFromCommitteeList, requesterOf(request), request.params);
    return { removed: true as const };
  });

  // Per worksite: who is on no one's list, and who has not been talked to in 30 days.
  app.get('/api/campaigns/:slug/coverage', { schema: operation('viewCoverage', c.viewCoverage, { tags }) }, async (request) => {
    const sites = await services.execute(viewCoverage, requesterOf(request), { slug: request.params.slug, worksiteId: request.query.worksite });
    return { worksites: sites.map(presentCoverage) };
  });
}
