import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { osdiEventsContract } from '../../contracts/osdi-events.js';
import { anonymousRequester } from '../../domain/commands/requester.js';
import type { Services } from '../../domain/create-services.js';
import { findOsdiEvent } from '../../domain/events/find-osdi-event.js';
import { listOsdiEvents } from '../../domain/events/list-osdi-events.js';
import { listOsdiAttendances } from '../../domain/integrations/list-osdi-attendances.js';
import { osdiAttendanceParts } from '../../domain/integrations/osdi-attendance-parts.js';
import { parseOsdiFilter } from '../../domain/integrations/parse-osdi-filter.js';
import { recordOsdiAttendance } from '../../domain/integrations/record-osdi-attendance.js';
import { recordVouchedAttendance } from '../../domain/integrations/record-vouched-attendance.js';
import { viewOsdiAttendance } from '../../domain/integrations/view-osdi-attendance.js';
import { AppError } from '../../errors.js';
import { chooseLanguage } from '../../i18n/languages.js';
import { operation } from '../operation.js';
import { acceptJsonBodies, CURIES, EMPTY_ANSWER, HAL, keyedRateLimit, pageLinks, tokenOf } from '../osdi-hal.js';
import { presentOsdiAttendance } from '../presenters/osdi-attendance-presenter.js';
import { presentOsdiEvent } from '../presenters/osdi-event-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['osdi'];
const c = osdiEventsContract;
// As many answers a minute from one address as the public RSVP page takes.
const HELPER_PER_MINUTE = 10;
const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'];

/**
 * OSDI events, attendances and the record attendance helper (issue 14, decision 0038). Events are
 * the instance's public events, readable by anyone; attendances (RSVPs) need a key with the read
 * scope; the helper answers at the spec's URL and Action Network's (a POST to the attendances).
 * Without a key the person confirms by email; with a write-scoped key the RSVP counts at once.
 */
export function registerOsdiEventRoutes(app: ZodApp, services: Services, config: Config): void {
  const api = `${config.publicUrl}/api/v1`;
  const urls = { api, publicUrl: config.publicUrl };
  const keyedLimit = keyedRateLimit(config);
  // The helper without a key is a public form: limited per address, like the RSVP page, and never
  // told so in headers (they would say how many colleagues on a school's network just answered).
  const helperLimit = {
    rateLimit: {
      max: (request: FastifyRequest) => (tokenOf(request) === undefined ? HELPER_PER_MINUTE : config.apiKeyRateLimitPerMinute),
      timeWindow: '1 minute',
      keyGenerator: (request: FastifyRequest) => (tokenOf(request) === undefined ? `osdi-helper:${request.ip}` : keyedLimit.rateLimit.keyGenerator(request)),
      addHeaders: keyedLimit.rateLimit.addHeaders,
      addHeadersOnExceeding: keyedLimit.rateLimit.addHeadersOnExceeding,
    },
  };

  void app.register(async (scoped: FastifyInstance) => {
    const osdi = scoped.withTypeProvider<ZodTypeProvider>();
    acceptJsonBodies(osdi);

    osdi.get('/api/v1/events', { schema: operation('listOsdiEvents', c.listOsdiEvents, { tags, security: 'public', osdi: true }) }, async (request, reply) => {
      const query = request.query;
      const { total, events } = await services.read(listOsdiEvents, anonymousRequester(request.ip), { conditions: parseOsdiFilter(query.filter), page: query.page, perPage: query.per_page });
      const items = events.map((e) => presentOsdiEvent(e, urls));
      const totalPages = Math.max(1, Math.ceil(total / query.per_page));
      return reply.type(HAL).send({
        total_pages: totalPages,
        per_page: query.per_page,
        page: query.page,
        total_records: total,
        _links: { ...pageLinks(`${api}/events`, query, totalPages), 'osdi:events': items.map((i) => ({ href: i._links.self.href })) },
        _embedded: { 'osdi:events': items },
      });
    });

    osdi.get('/api/v1/events/:id', { schema: operation('viewOsdiEvent', c.viewOsdiEvent, { tags, security: 'public', osdi: true }) }, async (request, reply) => {
      const found = await services.read(findOsdiEvent, anonymousRequester(request.ip), { eventId: request.params.id });
      if (!found) throw new AppError('not_found', 'No such event.');
      const item = presentOsdiEvent(found, urls);
      return reply.type(HAL).send({ ...item, _links: { ...item._links, curies: CURIES } });
    });

    osdi.get('/api/v1/events/:id/attendances', { config: keyedLimit, schema: operation('listOsdiAttendances', c.listOsdiAttendances, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
      const query = request.query;
      const { total, rows } = await services.execute(listOsdiAttendances, anonymousRequester(request.ip), { token: tokenOf(request), eventId: request.params.id, page: query.page, perPage: query.per_page, filter: query.filter });
      const items = rows.map((row) => presentOsdiAttendance(row, api));
      const totalPages = Math.max(1, Math.ceil(total / query.per_page));
      return reply.type(HAL).header('cache-control', 'no-store').send({
        total_pages: totalPages,
        per_page: query.per_page,
        page: query.page,
        total_records: total,
        _links: { ...pageLinks(`${api}/events/${request.params.id}/attendances`, query, totalPages), 'osdi:attendances': items.map((i) => ({ href: i._links.self.href })) },
        _embedded: { 'osdi:attendances': items },
      });
    });

    osdi.get(
      '/api/v1/events/:id/attendances/:attendanceId',
      { config: keyedLimit, schema: operation('viewOsdiAttendance', c.viewOsdiAttendance, { tags, security: 'apiKey', osdi: true }) },
      async (request, reply) => {
        const row = await services.execute(viewOsdiAttendance, anonymousRequester(request.ip), { token: tokenOf(request), eventId: request.params.id, attendanceId: request.params.attendanceId });
        return reply.type(HAL).header('cache-control', 'no-store').send(presentOsdiAttendance(row, api));
      },
    );

    for (const [url, operationId] of [
      ['/api/v1/events/:id/attendances', 'recordOsdiAttendance'],
      ['/api/v1/events/:id/record_attendance_helper', 'recordOsdiAttendanceHelper'],
    ] as const) {
      osdi.post(
        url,
        {
          config: { csrf: false, ...helperLimit },
          schema: operation(operationId, c.recordOsdiAttendance, { tags, security: 'publicOrApiKey', osdi: true }),
          // Only keyed calls are told their limit.
          onSend: async (request, reply) => {
            if (tokenOf(request) === undefined) for (const header of RATE_HEADERS) reply.removeHeader(header);
          },
        },
        async (request, reply) => {
          const parts = osdiAttendanceParts(request.body);
          const token = tokenOf(request);
          const lang = chooseLanguage({ acceptLanguage: request.headers['accept-language'] });
          if (token !== undefined) {
            const row = await services.execute(recordVouchedAttendance, anonymousRequester(request.ip), { token, eventId: request.params.id, parts, lang });
            services.webhooks.kick();
            return reply.status(200).type(HAL).send(presentOsdiAttendance(row, api));
          }
          await services.execute(recordOsdiAttendance, anonymousRequester(request.ip), { eventId: request.params.id, parts, lang, publicUrl: config.publicUrl });
          return reply.status(200).type(HAL).send(EMPTY_ANSWER as unknown as Record<string, never>);
        },
      );
    }
  });
}
