import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { osdiContract, OSDI_MAX_PAGESIZE } from '../../contracts/osdi.js';
import type { LocatedPetition } from '../../db/repositories/petitions-repository.js';
import { anonymousRequester } from '../../domain/commands/requester.js';
import type { Services } from '../../domain/create-services.js';
import { createOsdiTag } from '../../domain/integrations/create-osdi-tag.js';
import { createOsdiTagging } from '../../domain/integrations/create-osdi-tagging.js';
import { deleteOsdiTagging } from '../../domain/integrations/delete-osdi-tagging.js';
import { listOsdiTaggings } from '../../domain/integrations/list-osdi-taggings.js';
import { listOsdiTags } from '../../domain/integrations/list-osdi-tags.js';
import { viewOsdiTag } from '../../domain/integrations/view-osdi-tag.js';
import { viewOsdiTagging } from '../../domain/integrations/view-osdi-tagging.js';
import { listOsdiItems } from '../../domain/integrations/list-osdi-items.js';
import { listOsdiLists } from '../../domain/integrations/list-osdi-lists.js';
import { viewOsdiItem } from '../../domain/integrations/view-osdi-item.js';
import { viewOsdiList } from '../../domain/integrations/view-osdi-list.js';
import { listOsdiPeople } from '../../domain/integrations/list-osdi-people.js';
import { listOsdiSignatures } from '../../domain/integrations/list-osdi-signatures.js';
import { osdiSignatureParts } from '../../domain/integrations/osdi-signature-parts.js';
import { matchesOsdiConditions } from '../../domain/integrations/match-osdi-conditions.js';
import { parseOsdiFilter } from '../../domain/integrations/parse-osdi-filter.js';
import { recordVouchedSignup } from '../../domain/integrations/record-vouched-signup.js';
import { requestSignup } from '../../domain/integrations/request-signup.js';
import { recordVouchedSignature } from '../../domain/integrations/record-vouched-signature.js';
import { viewOsdiPerson } from '../../domain/integrations/view-osdi-person.js';
import { viewOsdiSignature } from '../../domain/integrations/view-osdi-signature.js';
import { findPublishedPetition } from '../../domain/petitions/find-published-petition.js';
import { listPublishedPetitions } from '../../domain/petitions/list-published-petitions.js';
import { petitionPublicPath } from '../../domain/petitions/petition-public-path.js';
import { AppError } from '../../errors.js';
import { chooseLanguage } from '../../i18n/languages.js';
import { operation } from '../operation.js';
import { presentOsdiPerson } from '../presenters/osdi-person-presenter.js';
import { presentOsdiItem, presentOsdiList } from '../presenters/osdi-list-presenter.js';
import { presentOsdiTag } from '../presenters/osdi-tag-presenter.js';
import { presentOsdiTagging } from '../presenters/osdi-tagging-presenter.js';
import { acceptJsonBodies, CURIES, EMPTY_ANSWER, HAL, keyedRateLimit, pageLinks, tokenOf } from '../osdi-hal.js';
import { presentOsdiSignature } from '../presenters/osdi-signature-presenter.js';
import { presentOsdiPetition } from '../presenters/petition-presenter.js';
import type { ZodApp } from '../zod-app.js';
import { createOsdiCollectionCache } from '../osdi-collection-cache.js';
import type { PublicSite } from '../public-site.js';

const tags = ['osdi'];
const c = osdiContract;
const notFound = () => new AppError('not_found', 'No such petition.');
const uuid = z.uuid();

type PageQuery = { page: number; per_page: number; filter?: string | undefined };

/** A collection page (HAL): counts, self/next/previous, the items' links under their rel, the items embedded. */
function collectionPage<T extends { _links: Record<string, unknown> }>(base: string, query: PageQuery, total: number, rel: string, items: T[]) {
  const totalPages = Math.max(1, Math.ceil(total / query.per_page));
  return {
    total_pages: totalPages,
    per_page: query.per_page,
    page: query.page,
    total_records: total,
    _links: { ...pageLinks(base, query, totalPages), [rel]: items.map((i) => ({ href: (i._links.self as { href: string }).href })) },
    _embedded: { [rel]: items },
  };
}

/**
 * The OSDI API (https://opensupporter.github.io/osdi-docs/, decision 0029): the entry point,
 * petitions, their signatures (API keys only) and the record-signature helper at the spec's URL
 * and at Action Network's. Cookie-less, so no CSRF. Without a key the helper answers `{}` like
 * Action Network and the signer confirms by email; with a write-scoped key it records the
 * signature as its source vouches. Public reads show aggregates only.
 */
export function registerOsdiRoutes(app: ZodApp, services: Services, config: Config, publicSite: PublicSite): void {
  const api = `${config.publicUrl}/api/v1`;
  const urls = { api, publicUrl: config.publicUrl };
  const keyedLimit = keyedRateLimit(config);
  // The petition collection's answers: dropped whenever the public pages are (a signature
  // confirmed, approved or rejected, a petition edited, a campaign renamed), decision 0038.
  const collection = createOsdiCollectionCache({ ttlMs: 5000, now: () => services.now().getTime() });
  publicSite.cache.onInvalidate(() => collection.clear());

  void app.register(async (scoped: FastifyInstance) => {
    const osdi = scoped.withTypeProvider<ZodTypeProvider>();
    acceptJsonBodies(osdi);

    // The signing helper's lookup goes through the petition service's one-second cache: it runs
    // on every signature (decision 0014).
    async function findSignable(id: string): Promise<LocatedPetition> {
      const found = uuid.safeParse(id).success ? await services.petitions.locate(id) : undefined;
      if (!found || !found.petition.published) throw notFound();
      return found;
    }

    const entryPoint = async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.type(HAL).send({
        motd: 'Unionhall OSDI API. Petitions are public; signatures need an API key (OSDI-API-Token) with the read scope.',
        product_name: 'Unionhall',
        osdi_version: '1.2.0',
        vendor_name: 'Unionhall',
        namespace: 'unionhall',
        max_pagesize: OSDI_MAX_PAGESIZE,
        _links: {
          self: { href: api },
          curies: CURIES,
          'osdi:petitions': { href: `${api}/petitions`, title: 'The collection of petitions' },
          'osdi:people': { href: `${api}/people`, title: 'The collection of people (API key: read for the public side, organizing for the roster)' },
          'osdi:tags': { href: `${api}/tags`, title: 'The collection of tags (API key: read)' },
          'osdi:lists': { href: `${api}/lists`, title: 'Committee lists (API key: organizing)' },
          'osdi:person_signup_helper': { href: `${api}/people/person_signup_helper`, title: 'The person signup helper (POST)' },
          'osdi:events': { href: `${api}/events`, title: 'The collection of events' },
          'osdi:messages': { href: `${api}/messages`, title: 'The collection of messages (newsletters; API key)' },
          docs: { href: `${config.publicUrl}/api/docs`, title: 'API reference' },
        },
      });
    // `/api/v1/` too: build-app.ts strips an OSDI path's trailing slash before routing.
    osdi.get('/api/v1', { schema: operation('viewOsdiEntryPoint', c.viewOsdiEntryPoint, { tags, security: 'public', osdi: true }) }, entryPoint);

    osdi.get('/api/v1/petitions', { schema: operation('listOsdiPetitions', c.listOsdiPetitions, { tags, security: 'public', osdi: true }) }, async (request, reply) => {
      const query = request.query;
      const conditions = parseOsdiFilter(query.filter);
      const key = `${query.page}|${query.per_page}|${query.filter ?? ''}`;
      const bytes = await collection.get(key, async () => {
        // Every published petition (a handful), filtered here: the filter needs the located rows anyway.
        const all = await services.read(listPublishedPetitions, anonymousRequester(request.ip), { page: 1, perPage: 10_000 });
        const chosen = all.petitions.filter((p) => matchesOsdiConditions(p.petition, conditions));
        const pageItems = chosen.slice((query.page - 1) * query.per_page, query.page * query.per_page).map((p) => presentOsdiPetition(p, urls));
        const totalPages = Math.max(1, Math.ceil(chosen.length / query.per_page));
        const body: z.infer<typeof c.listOsdiPetitions.response> = {
          total_pages: totalPages,
          per_page: query.per_page,
          page: query.page,
          total_records: chosen.length,
          _links: { ...pageLinks(`${api}/petitions`, query, totalPages), 'osdi:petitions': pageItems.map((i) => ({ href: i._links.self.href })) },
          _embedded: { 'osdi:petitions': pageItems },
        };
        return JSON.stringify(body);
      });
      // Bytes made once per change (Fastify sends a Buffer as is): the presenter chose every field.
      return reply.type(HAL).send(bytes as unknown as z.infer<typeof c.listOsdiPetitions.response>);
    });

    osdi.get('/api/v1/petitions/:id', { schema: operation('viewOsdiPetition', c.viewOsdiPetition, { tags, security: 'public', osdi: true }) }, async (request, reply) => {
      const found = uuid.safeParse(request.params.id).success ? await services.read(findPublishedPetition, anonymousRequester(request.ip), { petitionId: request.params.id }) : undefined;
      if (!found) throw notFound();
      const item = presentOsdiPetition(found, urls);
      return reply.type(HAL).send({ ...item, _links: { ...item._links, curies: CURIES } });
    });

    osdi.get(
      '/api/v1/petitions/:id/signatures',
      { config: keyedLimit, schema: operation('listOsdiSignatures', c.listOsdiSignatures, { tags, security: 'apiKey', osdi: true }) },
      async (request, reply) => {
        const query = request.query;
        const { total, rows } = await services.execute(listOsdiSignatures, anonymousRequester(request.ip), { token: tokenOf(request), petitionId: request.params.id, page: query.page, perPage: query.per_page, filter: query.filter });
        const items = rows.map((row) => presentOsdiSignature(row, api));
        const totalPages = Math.max(1, Math.ceil(total / query.per_page));
        return reply.type(HAL).header('cache-control', 'no-store').send({
          total_pages: totalPages,
          per_page: query.per_page,
          page: query.page,
          total_records: total,
          _links: { ...pageLinks(`${api}/petitions/${request.params.id}/signatures`, query, totalPages), 'osdi:signatures': items.map((i) => ({ href: i._links.self.href })) },
          _embedded: { 'osdi:signatures': items },
        });
      },
    );

    osdi.get(
      '/api/v1/petitions/:id/signatures/:signatureId',
      { config: keyedLimit, schema: operation('viewOsdiSignature', c.viewOsdiSignature, { tags, security: 'apiKey', osdi: true }) },
      async (request, reply) => {
        const row = await services.execute(viewOsdiSignature, anonymousRequester(request.ip), { token: tokenOf(request), petitionId: request.params.id, signatureId: request.params.signatureId });
        return reply.type(HAL).header('cache-control', 'no-store').send(presentOsdiSignature(row, api));
      },
    );

    osdi.get('/api/v1/people', { config: keyedLimit, schema: operation('listOsdiPeople', c.listOsdiPeople, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const query = request.query;
      const { total, rows } = await services.execute(listOsdiPeople, anonymousRequester(request.ip), { token: tokenOf(request), page: query.page, perPage: query.per_page, filter: query.filter });
      const items = rows.map((row) => presentOsdiPerson(row, api));
      const totalPages = Math.max(1, Math.ceil(total / query.per_page));
      return reply.type(HAL).header('cache-control', 'no-store').send({
        total_pages: totalPages,
        per_page: query.per_page,
        page: query.page,
        total_records: total,
        _links: { ...pageLinks(`${api}/people`, query, totalPages), 'osdi:people': rows.map((r) => ({ href: `${api}/people/${r.id}` })) },
        _embedded: { 'osdi:people': items },
      });
    });

    // The person signup helper at the spec's URL and at Action Network's (a POST to the people).
    // Without a key the default campaign's person confirms by email; with a write key, at once.
    for (const [url, operationId] of [
      ['/api/v1/people', 'recordOsdiSignup'],
      ['/api/v1/people/person_signup_helper', 'recordOsdiSignupHelper'],
    ] as const) {
      osdi.post(url, { config: { csrf: false, ...keyedLimit }, schema: operation(operationId, c.recordOsdiSignup, { tags, security: 'publicOrApiKey', osdi: true }) }, async (request, reply) => {
        const token = tokenOf(request);
        if (token !== undefined) {
          const row = await services.execute(recordVouchedSignup, anonymousRequester(request.ip), { token, body: request.body });
          services.webhooks.kick();
          const item = presentOsdiPerson(row, api);
          return reply.status(200).type(HAL).header('cache-control', 'no-store').send({ ...item, _links: { ...item._links, curies: CURIES } });
        }
        await services.execute(requestSignup, anonymousRequester(request.ip), {
          body: request.body,
          lang: chooseLanguage({ acceptLanguage: request.headers['accept-language'] }),
          publicUrl: config.publicUrl,
          secret: config.sessionSecret,
        });
        return reply.status(200).type(HAL).send(EMPTY_ANSWER as unknown as Record<string, never>);
      });
    }

    osdi.get('/api/v1/people/:id/taggings', { config: keyedLimit, schema: operation('listOsdiPersonTaggings', c.listOsdiPersonTaggings, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const query = request.query;
      const { total, rows } = await services.execute(listOsdiTaggings, anonymousRequester(request.ip), { token: tokenOf(request), of: { personId: request.params.id }, page: query.page, perPage: query.per_page, filter: query.filter });
      return reply.type(HAL).header('cache-control', 'no-store').send(collectionPage(`${api}/people/${request.params.id}/taggings`, query, total, 'osdi:taggings', rows.map((r) => presentOsdiTagging(r, api))));
    });

    osdi.get('/api/v1/tags', { config: keyedLimit, schema: operation('listOsdiTags', c.listOsdiTags, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const query = request.query;
      const { total, rows } = await services.execute(listOsdiTags, anonymousRequester(request.ip), { token: tokenOf(request), page: query.page, perPage: query.per_page, filter: query.filter });
      return reply.type(HAL).header('cache-control', 'no-store').send(collectionPage(`${api}/tags`, query, total, 'osdi:tags', rows.map((r) => presentOsdiTag(r, api))));
    });

    osdi.post('/api/v1/tags', { config: { csrf: false, ...keyedLimit }, schema: operation('createOsdiTag', c.createOsdiTag, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const body = request.body;
      const row = await services.execute(createOsdiTag, anonymousRequester(request.ip), { token: tokenOf(request), name: body.name, description: body.description, identifiers: body.identifiers ?? [], originSystem: body.origin_system });
      return reply.type(HAL).header('cache-control', 'no-store').send(presentOsdiTag(row, api));
    });

    osdi.get('/api/v1/tags/:id', { config: keyedLimit, schema: operation('viewOsdiTag', c.viewOsdiTag, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const row = await services.execute(viewOsdiTag, anonymousRequester(request.ip), { token: tokenOf(request), tagId: request.params.id });
      const item = presentOsdiTag(row, api);
      return reply.type(HAL).header('cache-control', 'no-store').send({ ...item, _links: { ...item._links, curies: CURIES } });
    });

    osdi.get('/api/v1/tags/:id/taggings', { config: keyedLimit, schema: operation('listOsdiTaggings', c.listOsdiTaggings, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const query = request.query;
      const { total, rows } = await services.execute(listOsdiTaggings, anonymousRequester(request.ip), { token: tokenOf(request), of: { tagId: request.params.id }, page: query.page, perPage: query.per_page, filter: query.filter });
      return reply.type(HAL).header('cache-control', 'no-store').send(collectionPage(`${api}/tags/${request.params.id}/taggings`, query, total, 'osdi:taggings', rows.map((r) => presentOsdiTagging(r, api))));
    });

    osdi.post('/api/v1/tags/:id/taggings', { config: { csrf: false, ...keyedLimit }, schema: operation('createOsdiTagging', c.createOsdiTagging, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const body = request.body;
      // The person's id is the last segment of their link (the schema checked it is one).
      const personId = body._links['osdi:person'].href.replace(/\/$/, '').split('/').at(-1) ?? '';
      const row = await services.execute(createOsdiTagging, anonymousRequester(request.ip), { token: tokenOf(request), tagId: request.params.id, personId, identifiers: body.identifiers ?? [], originSystem: body.origin_system });
      return reply.type(HAL).header('cache-control', 'no-store').send(presentOsdiTagging(row, api));
    });

    osdi.get('/api/v1/tags/:id/taggings/:taggingId', { config: keyedLimit, schema: operation('viewOsdiTagging', c.viewOsdiTagging, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const row = await services.execute(viewOsdiTagging, anonymousRequester(request.ip), { token: tokenOf(request), tagId: request.params.id, taggingId: request.params.taggingId });
      const item = presentOsdiTagging(row, api);
      return reply.type(HAL).header('cache-control', 'no-store').send({ ...item, _links: { ...item._links, curies: CURIES } });
    });

    osdi.delete('/api/v1/tags/:id/taggings/:taggingId', { config: { csrf: false, ...keyedLimit }, schema: operation('deleteOsdiTagging', c.deleteOsdiTagging, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      await services.execute(deleteOsdiTagging, anonymousRequester(request.ip), { token: tokenOf(request), tagId: request.params.id, taggingId: request.params.taggingId });
      // Action Network's answer to a delete.
      return reply.type(HAL).send({ notice: 'This tagging was successfully deleted.' });
    });

    osdi.get('/api/v1/lists', { config: keyedLimit, schema: operation('listOsdiLists', c.listOsdiLists, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const query = request.query;
      const { total, rows } = await services.execute(listOsdiLists, anonymousRequester(request.ip), { token: tokenOf(request), page: query.page, perPage: query.per_page, filter: query.filter });
      return reply.type(HAL).header('cache-control', 'no-store').send(collectionPage(`${api}/lists`, query, total, 'osdi:lists', rows.map((r) => presentOsdiList(r, api))));
    });

    osdi.get('/api/v1/lists/:id', { config: keyedLimit, schema: operation('viewOsdiList', c.viewOsdiList, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const item = presentOsdiList(await services.execute(viewOsdiList, anonymousRequester(request.ip), { token: tokenOf(request), listId: request.params.id }), api);
      return reply.type(HAL).header('cache-control', 'no-store').send({ ...item, _links: { ...item._links, curies: CURIES } });
    });

    osdi.get('/api/v1/lists/:id/items', { config: keyedLimit, schema: operation('listOsdiItems', c.listOsdiItems, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const query = request.query;
      const { total, rows } = await services.execute(listOsdiItems, anonymousRequester(request.ip), { token: tokenOf(request), listId: request.params.id, page: query.page, perPage: query.per_page, filter: query.filter });
      return reply.type(HAL).header('cache-control', 'no-store').send(collectionPage(`${api}/lists/${request.params.id}/items`, query, total, 'osdi:items', rows.map((r) => presentOsdiItem(r, api))));
    });

    osdi.get('/api/v1/lists/:id/items/:itemId', { config: keyedLimit, schema: operation('viewOsdiItem', c.viewOsdiItem, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const item = presentOsdiItem(await services.execute(viewOsdiItem, anonymousRequester(request.ip), { token: tokenOf(request), listId: request.params.id, itemId: request.params.itemId }), api);
      return reply.type(HAL).header('cache-control', 'no-store').send({ ...item, _links: { ...item._links, curies: CURIES } });
    });

    osdi.get('/api/v1/people/:id', { config: keyedLimit, schema: operation('viewOsdiPerson', c.viewOsdiPerson, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const row = await services.execute(viewOsdiPerson, anonymousRequester(request.ip), { token: tokenOf(request), personId: request.params.id });
      const item = presentOsdiPerson(row, api);
      return reply.type(HAL).header('cache-control', 'no-store').send({ ...item, _links: { ...item._links, curies: CURIES } });
    });

    // The helper, at Action Network's URL (a POST to the signatures) and at the spec's.
    for (const [url, operationId] of [
      ['/api/v1/petitions/:id/signatures', 'recordOsdiSignature'],
      ['/api/v1/petitions/:id/record_signature_helper', 'recordOsdiSignatureHelper'],
    ] as const) {
      osdi.post(url, { config: { csrf: false, ...keyedLimit }, schema: operation(operationId, c.recordOsdiSignature, { tags, security: 'publicOrApiKey', osdi: true }) }, async (request, reply) => {
        const parts = osdiSignatureParts(request.body);
        const token = tokenOf(request);
        if (token !== undefined) {
          const row = await services.execute(recordVouchedSignature, anonymousRequester(request.ip), { token, petitionId: request.params.id, parts });
          services.webhooks.kick();
          // A vouched signature counts at once: the public count and the collection move.
          const located = await services.petitions.locate(row.petitionId);
          if (located) publicSite.cache.invalidateCampaign(located.petition.campaignId);
          return reply.status(200).type(HAL).send(presentOsdiSignature(row, api));
        }
        const found = await findSignable(request.params.id);
        await services.petitions.sign(
          found.petition,
          { givenName: parts.givenName, familyName: parts.familyName, email: parts.email, postalCode: parts.postalCode, city: parts.city, relationship: 'other', comment: parts.comment, showPublicly: false },
          {
            ip: request.ip,
            source: 'osdi',
            proof: 'not_required',
            honeypotFilled: false,
            petitionPath: petitionPublicPath(found),
            lang: chooseLanguage({ acceptLanguage: request.headers['accept-language'] }),
            details: parts.details,
          },
        );
        // The contract's `{}`, as bytes made once (Fastify sends a Buffer as is, unserialized).
        return reply.status(200).type(HAL).send(EMPTY_ANSWER as unknown as Record<string, never>);
      });
    }
  });
}
