import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { osdiContract } from '../../contracts/osdi.js';
import type { LocatedPetition } from '../../db/repositories/petitions-repository.js';
import { anonymousRequester } from '../../domain/commands/requester.js';
import type { Services } from '../../domain/create-services.js';
import { findPublishedPetition } from '../../domain/petitions/find-published-petition.js';
import { listPublishedPetitions } from '../../domain/petitions/list-published-petitions.js';
import { petitionPublicPath } from '../../domain/petitions/petition-public-path.js';
import { AppError } from '../../errors.js';
import { chooseLanguage } from '../../i18n/languages.js';
import { operation } from '../operation.js';
import { presentOsdiPetition } from '../presenters/petition-presenter.js';
import type { ZodApp } from '../zod-app.js';

const HAL = 'application/hal+json; charset=utf-8';
const uuid = z.uuid();
// Action Network's answer to every signature, new, duplicate or held alike: bytes made once.
const SIGNED = Buffer.from('{}');
const CURIES = [{ name: 'osdi', href: 'http://opensupporter.github.io/osdi-docs/{rel}', templated: true }];
const tags = ['osdi'];
const c = osdiContract;
const notFound = () => new AppError('not_found', 'No such petition.');

/**
 * The OSDI API (https://opensupporter.github.io/osdi-docs/): the entry point, petitions, and the
 * record-signature helper that Action Network-style clients post to. Unauthenticated and
 * cookie-less, so no CSRF; it answers `{}` like Action Network does and is defended by email
 * confirmation and the per-IP / per-email limits (existing clients cannot solve a proof of work).
 * Public reads show aggregates only, never signers.
 */
export function registerOsdiRoutes(app: ZodApp, services: Services, config: Config): void {
  const api = `${config.publicUrl}/api/v1`;
  const urls = { api, publicUrl: config.publicUrl };

  void app.register(async (scoped: FastifyInstance) => {
    const osdi = scoped.withTypeProvider<ZodTypeProvider>();
    // OSDI clients send application/hal+json; it is JSON.
    osdi.addContentTypeParser('application/hal+json', { parseAs: 'string' }, osdi.getDefaultJsonParser('error', 'error'));

    // The signing helper's lookup goes through the petition service's one-second cache: it runs
    // on every signature (decision 0014).
    async function findSignable(id: string): Promise<LocatedPetition> {
      const found = uuid.safeParse(id).success ? await services.petitions.locate(id) : undefined;
      if (!found || !found.petition.published) throw notFound();
      return found;
    }

    osdi.get('/api/v1', { schema: operation('viewOsdiEntryPoint', c.viewOsdiEntryPoint, { tags, security: 'public' }) }, async (_request, reply) => {
      return reply.type(HAL).send({
        motd: 'Unionhall OSDI API',
        product_name: 'Unionhall',
        osdi_version: '1.1',
        vendor_name: 'Unionhall',
        max_pagesize: 25,
        _links: {
          self: { href: api },
          curies: CURIES,
          'osdi:petitions': { href: `${api}/petitions`, title: 'The collection of petitions' },
        },
      });
    });

    osdi.get('/api/v1/petitions', { schema: operation('listOsdiPetitions', c.listOsdiPetitions, { tags, security: 'public' }) }, async (request, reply) => {
      const { page, per_page } = request.query;
      const { total, petitions } = await services.read(listPublishedPetitions, anonymousRequester(request.ip), { page, perPage: per_page });
      const items = petitions.map((p) => presentOsdiPetition(p, urls));
      const totalPages = Math.max(1, Math.ceil(total / per_page));
      return reply.type(HAL).send({
        total_pages: totalPages,
        per_page,
        page,
        total_records: total,
        _links: {
          self: { href: `${api}/petitions?page=${page}&per_page=${per_page}` },
          ...(page < totalPages ? { next: { href: `${api}/petitions?page=${page + 1}&per_page=${per_page}` } } : {}),
          curies: CURIES,
          'osdi:petitions': items.map((i) => ({ href: i._links.self.href })),
        },
        _embedded: { 'osdi:petitions': items },
      });
    });

    osdi.get('/api/v1/petitions/:id', { schema: operation('viewOsdiPetition', c.viewOsdiPetition, { tags, security: 'public' }) }, async (request, reply) => {
      const found = uuid.safeParse(request.params.id).success ? await services.read(findPublishedPetition, anonymousRequester(request.ip), { petitionId: request.params.id }) : undefined;
      if (!found) throw notFound();
      const item = presentOsdiPetition(found, urls);
      return reply.type(HAL).send({ ...item, _links: { ...item._links, curies: CURIES } });
    });

    osdi.post(
      '/api/v1/petitions/:id/signatures',
      { config: { csrf: false }, schema: operation('recordOsdiSignature', c.recordOsdiSignature, { tags, security: 'public' }) },
      async (request, reply) => {
        const found = await findSignable(request.params.id);
        const { person, comments } = request.body;
        const address = person.postal_addresses?.[0];
        await services.petitions.sign(
          found.petition,
          {
            givenName: person.given_name,
            familyName: person.family_name,
            email: person.email_addresses[0]?.address ?? '',
            postalCode: address?.postal_code ?? null,
            city: address?.locality ? address.locality : null,
            relationship: 'other',
            comment: comments ? comments : null,
            showPublicly: false,
          },
          { ip: request.ip, source: 'osdi', proof: 'not_required', honeypotFilled: false, petitionPath: petitionPublicPath(found), lang: chooseLanguage({ acceptLanguage: request.headers['accept-language'] }) },
        );
        // The contract's `{}`, as bytes made once (Fastify sends a Buffer as is, unserialized).
        return reply.status(200).type(HAL).send(SIGNED as unknown as Record<string, never>);
      },
    );
  });
}
