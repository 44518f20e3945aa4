import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { publicPath, type LocatedPetition } from '../../db/repositories/petitions-repository.js';
import type { Services } from '../../domain/create-services.js';
import { emailField, zipField } from '../../domain/petitions/signature-input.js';
import { AppError } from '../../errors.js';
import { chooseLanguage } from '../../i18n/languages.js';
import { presentOsdiPetition } from '../presenters/petition-presenter.js';
import type { ZodApp } from '../zod-app.js';

const HAL = 'application/hal+json; charset=utf-8';
const uuid = z.uuid();
// Action Network's answer to every signature, new, duplicate or held alike: bytes made once.
const SIGNED = Buffer.from('{}');
const CURIES = [{ name: 'osdi', href: 'http://opensupporter.github.io/osdi-docs/{rel}', templated: true }];

const signatureBody = z.object({
  person: z.object({
    given_name: z.string().trim().min(1, 'is required').max(100, 'is too long'),
    family_name: z.string().trim().min(1, 'is required').max(100, 'is too long'),
    email_addresses: z.array(z.object({ address: emailField })).min(1, 'needs one address').max(5),
    postal_addresses: z.array(z.object({ postal_code: zipField.optional(), locality: z.string().trim().max(100).optional() })).max(5).optional(),
  }),
  comments: z.string().trim().max(2000, 'is too long').optional(),
});

/**
 * The OSDI API (https://opensupporter.github.io/osdi-docs/): the entry point, petitions, and the
 * record-signature helper that Action Network-style clients post to. Unauthenticated and
 * cookie-less, so no CSRF; it answers `{}` like Action Network does and is defended by email
 * confirmation and the per-IP / per-email limits (existing clients cannot solve a proof of work).
 * Public reads show aggregates only, never signers.
 */
export function registerOsdiRoutes(app: ZodApp, services: Services, config: Config): void {
  const { petitions } = services.repositories;
  const api = `${config.publicUrl}/api/v1`;

  void app.register(async (scoped: FastifyInstance) => {
    const osdi = scoped.withTypeProvider<ZodTypeProvider>();
    // OSDI clients send application/hal+json; it is JSON.
    osdi.addContentTypeParser('application/hal+json', { parseAs: 'string' }, osdi.getDefaultJsonParser('error', 'error'));

    async function present(found: LocatedPetition) {
      const count = await petitions.countConfirmed(found.petition.id);
      return presentOsdiPetition(found.petition, count, { api, browser: `${config.publicUrl}${publicPath(found)}` });
    }

    async function findPublished(id: string): Promise<LocatedPetition> {
      const found = uuid.safeParse(id).success ? await services.petitions.locate(id) : undefined;
      if (!found || !found.petition.published) throw new AppError('not_found', 'No such petition.');
      return found;
    }

    osdi.get('/api/v1', { schema: { tags: ['osdi'] } }, async (_request, reply) => {
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

    osdi.get(
      '/api/v1/petitions',
      { schema: { tags: ['osdi'], querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), per_page: z.coerce.number().int().min(1).max(25).default(25) }) } },
      async (request, reply) => {
        const all = await petitions.listPublishedLocated();
        const { page, per_page } = request.query;
        const slice = all.slice((page - 1) * per_page, page * per_page);
        const items = await Promise.all(slice.map(present));
        const totalPages = Math.max(1, Math.ceil(all.length / per_page));
        return reply.type(HAL).send({
          total_pages: totalPages,
          per_page,
          page,
          total_records: all.length,
          _links: {
            self: { href: `${api}/petitions?page=${page}&per_page=${per_page}` },
            ...(page < totalPages ? { next: { href: `${api}/petitions?page=${page + 1}&per_page=${per_page}` } } : {}),
            curies: CURIES,
            'osdi:petitions': items.map((i) => ({ href: i._links.self.href })),
          },
          _embedded: { 'osdi:petitions': items },
        });
      },
    );

    osdi.get('/api/v1/petitions/:id', { schema: { tags: ['osdi'], params: z.object({ id: z.string().max(100) }) } }, async (request, reply) => {
      const item = await present(await findPublished(request.params.id));
      return reply.type(HAL).send({ ...item, _links: { ...item._links, curies: CURIES } });
    });

    osdi.post(
      '/api/v1/petitions/:id/signatures',
      { config: { csrf: false }, schema: { tags: ['osdi'], params: z.object({ id: z.string().max(100) }), body: signatureBody } },
      async (request, reply) => {
        const found = await findPublished(request.params.id);
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
          { ip: request.ip, source: 'osdi', proof: 'not_required', honeypotFilled: false, petitionPath: publicPath(found), lang: chooseLanguage({ acceptLanguage: request.headers['accept-language'] }) },
        );
        return reply.status(200).type(HAL).send(SIGNED);
      },
    );
  });
}
