import { organizingContract as c } from '../../contracts/organizing.js';
import { peopleListContract } from '../../contracts/people-list.js';
import type { Services } from '../../domain/create-services.js';
import { changeEmployment } from '../../domain/people/change-employment.js';
import { createPerson } from '../../domain/people/create-person.js';
import { deleteSavedPeopleView } from '../../domain/people/delete-saved-people-view.js';
import { listSavedPeopleViews } from '../../domain/people/list-saved-people-views.js';
import { savePeopleView } from '../../domain/people/save-people-view.js';
import { listPeople } from '../../domain/people/list-people.js';
import { updatePerson } from '../../domain/people/update-person.js';
import { viewPerson } from '../../domain/people/view-person.js';
import { operation, requesterOf } from '../operation.js';
import { presentPerson, presentPersonPage } from '../presenters/organizing-presenter.js';
import { presentListedPerson } from '../presenters/people-list-presenter.js';
import { presentSavedView } from '../presenters/saved-view-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['people'];

/** A saved view's query as stored: only the fields that are set. */
function queryOf(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

// One person's record: read it, add someone by hand, correct them, and record moves and departures.
export function registerPersonRoutes(app: ZodApp, services: Services): void {
  // The people list, a page at a time: a command, so the audit row commits before names leave.
  app.get('/api/campaigns/:slug/people/list', { schema: operation('listPeople', peopleListContract.listPeople, { tags }) }, async (request) => {
    const result = await services.execute(listPeople, requesterOf(request), { slug: request.params.slug, ...request.query });
    return { asOf: result.asOf, next: result.next, people: result.people.map(presentListedPerson) };
  });

  // Saved views of the list: the requester's own, by name.
  app.get('/api/campaigns/:slug/people/views', { schema: operation('listSavedPeopleViews', peopleListContract.listSavedPeopleViews, { tags }) }, async (request) => {
    const views = await services.execute(listSavedPeopleViews, requesterOf(request), request.params);
    return { views: views.map(presentSavedView) };
  });

  app.post('/api/campaigns/:slug/people/views', { schema: operation('savePeopleView', peopleListContract.savePeopleView, { tags, status: 201 }) }, async (request, reply) => {
    const view = await services.execute(savePeopleView, requesterOf(request), { slug: request.params.slug, name: request.body.name, query: queryOf(request.body.query) });
    return reply.status(201).send(presentSavedView(view));
  });

  app.delete('/api/campaigns/:slug/people/views/:viewId', { schema: operation('deleteSavedPeopleView', peopleListContract.deleteSavedPeopleView, { tags }) }, async (request) => {
    await services.execute(deleteSavedPeopleView, requesterOf(request), request.params);
    return { id: request.params.viewId, deleted: true };
  });

  app.get('/api/campaigns/:slug/people/:personId', { schema: operation('viewPerson', c.viewPerson, { tags }) }, async (request) => {
    return presentPersonPage(await services.execute(viewPerson, requesterOf(request), request.params));
  });

  app.post('/api/campaigns/:slug/people', { schema: operation('createPerson', c.createPerson, { tags, status: 201 }) }, async (request, reply) => {
    const { employment, ...f } = request.body;
    const person = await services.execute(createPerson, requesterOf(request), {
      slug: request.params.slug,
      fields: { givenName: f.givenName, familyName: f.familyName, employeeId: f.employeeId ?? null, workEmail: f.workEmail ?? null, personalEmail: f.personalEmail ?? null, phone: f.phone ?? null },
      employment,
    });
    return reply.status(201).send({ person: presentPerson(person) });
  });

  app.patch('/api/campaigns/:slug/people/:personId', { schema: operation('updatePerson', c.updatePerson, { tags }) }, async (request) => {
    const person = await services.execute(updatePerson, requesterOf(request), { ...request.params, fields: request.body });
    return { person: presentPerson(person) };
  });

  // A move, a new title or unit, or leaving: the current employment ends the day before
  // `effectiveDate` and (unless leaving) a new one starts on it.
  app.post('/api/campaigns/:slug/people/:personId/employment-changes', { schema: operation('changeEmployment', c.changeEmployment, { tags }) }, async (request) => {
    const b = request.body;
    const next = b.kind === 'leave' ? null : { worksiteId: b.worksiteId, unitId: b.unitId, jobTitle: b.jobTitle };
    const employment = await services.execute(changeEmployment, requesterOf(request), { ...request.params, effectiveDate: b.effectiveDate, next });
    return { employment };
  });
}
