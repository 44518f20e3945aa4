import { stringify } from 'csv-stringify/sync';
import { createElement } from 'react';
import { z } from 'zod';
import { eventKinds } from '../../db/schema/public-site.js';
import type { Services } from '../../domain/create-services.js';
import { buildEventCalendar } from '../../domain/public-site/event-calendar.js';
import { renderMarkdown } from '../../domain/public-site/render-markdown.js';
import { slugify, slugPattern } from '../../domain/public-site/slugify.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { AppError } from '../../errors.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { presentEvent, presentRsvp } from '../presenters/public-content-presenter.js';
import { PublicNotFound, type PublicPageContext, type PublicSite } from '../public-site.js';
import { EventPage, type RsvpField, type RsvpForm } from '../views/event-page.js';
import { EventsPage } from '../views/events-page.js';
import { renderPage } from '../views/layout.js';
import { toEventSummary } from '../views/to-view-models.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const idParams = slugParams.extend({ id: z.uuid('is not an id') });
const rsvpParams = idParams.extend({ rsvpId: z.uuid('is not an id') });
const fields = {
  kind: z.enum(eventKinds),
  title: z.string().trim().min(1, 'is required').max(200),
  slug: z.string().trim().max(80).regex(slugPattern, 'use lower-case letters, digits and dashes'),
  description: z.string().max(20_000),
  location: z.string().trim().max(300),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  isPublic: z.boolean(),
  rsvpOpen: z.boolean(),
};
const createBody = z.object({
  ...fields,
  slug: fields.slug.optional(),
  description: fields.description.default(''),
  location: fields.location.default(''),
  isPublic: fields.isPublic.default(true),
  rsvpOpen: fields.rsvpOpen.default(true),
});
const updateBody = z.object({
  kind: fields.kind.optional(),
  title: fields.title.optional(),
  slug: fields.slug.optional(),
  description: fields.description.optional(),
  location: fields.location.optional(),
  startsAt: fields.startsAt.optional(),
  endsAt: fields.endsAt.optional(),
  isPublic: fields.isPublic.optional(),
  rsvpOpen: fields.rsvpOpen.optional(),
});

const rsvpInput = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^$|^[0-9+().\-\s]{7,40}$/),
});

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw new AppError('validation_failed', 'An event ends after it starts.', [{ field: 'endsAt', reason: 'must be after startsAt' }]);
}

export type EventRoutesOptions = { rsvpRateLimitPerMinute?: number };

export function registerEventRoutes(app: ZodApp, services: Services, site: PublicSite, options: EventRoutesOptions = {}): void {
  const { events } = services.repositories;

  site.register(app, { path: '/events', cache: true }, async ({ campaign, site: model }) => {
    const rows = await events.listUpcomingPublic(campaign.id, services.now());
    return { body: renderPage(createElement(EventsPage, { site: model, events: rows.map((e) => toEventSummary(e, model.base)) })) };
  });

  async function renderEvent(context: PublicPageContext, form: { values?: Record<RsvpField, string>; errors?: Partial<Record<RsvpField, string>>; thanks?: boolean }, status = 200) {
    const { campaign, site: model, params, reply } = context;
    const event = await events.findPublic(campaign.id, params.eventSlug ?? '');
    if (!event) throw new PublicNotFound();
    const now = services.now();
    const rsvpForm: RsvpForm = {
      action: `${model.base}/events/${event.slug}/rsvp`,
      // Also sets the signed cookie the token is checked against (see plugins/csrf.ts).
      csrfToken: reply.generateCsrf(),
      values: form.values ?? { name: '', email: '', phone: '' },
      errors: form.errors ?? {},
    };
    void reply.header('cache-control', 'private, no-store');
    return {
      status,
      body: renderPage(
        createElement(EventPage, {
          site: model,
          event: { ...toEventSummary(event, model.base), endsAt: event.endsAt, description: event.description, descriptionHtml: renderMarkdown(event.description) },
          isPast: event.endsAt.getTime() < now.getTime(),
          rsvpOpen: event.rsvpOpen,
          thanks: form.thanks ?? false,
          form: rsvpForm,
        }),
      ),
    };
  }

  site.register(app, { path: '/events/:eventSlug' }, async (context) => {
    const query = context.request.query as Record<string, unknown>;
    return renderEvent(context, { thanks: query.rsvp === 'thanks' });
  });

  site.register(app, { path: '/events/:eventSlug/calendar.ics', cache: true }, async ({ campaign, site: model, params }) => {
    const event = await events.findPublic(campaign.id, params.eventSlug ?? '');
    if (!event) throw new PublicNotFound();
    const url = `${model.siteUrl}/events/${event.slug}`;
    const body = buildEventCalendar({ id: event.id, title: event.title, description: `${event.description}\n\n${url}`.trim(), location: event.location, startsAt: event.startsAt, endsAt: event.endsAt, url }, new URL(site.publicUrl).hostname);
    return { body, type: 'text/calendar; charset=utf-8' };
  });

  // The RSVP form (works without JavaScript): CSRF token in `_csrf`, a honeypot, a per-IP limit.
  site.register(
    app,
    { path: '/events/:eventSlug/rsvp', method: 'POST', routeOptions: { config: { rateLimit: { max: options.rsvpRateLimitPerMinute ?? 10, timeWindow: '1 minute' } } } },
    async (context) => {
      const { campaign, site: model, params, request, reply, locale } = context;
      const event = await events.findPublic(campaign.id, params.eventSlug ?? '');
      if (!event) throw new PublicNotFound();
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      const values = { name: text('name'), email: text('email'), phone: text('phone') };
      const thanksUrl = `${model.base}/events/${event.slug}?rsvp=thanks`;
      // A bot filled the invisible field: answer as if it worked, store nothing.
      if (text('website') !== '') {
        await reply.redirect(thanksUrl, 303);
        return null;
      }
      if (!event.rsvpOpen || event.endsAt.getTime() < services.now().getTime()) return renderEvent(context, { values }, 409);
      const parsed = rsvpInput.safeParse(values);
      if (!parsed.success) {
        const errors: Partial<Record<RsvpField, string>> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path[0];
          if (field === 'name' || field === 'email' || field === 'phone') errors[field] = locale.t(`events.rsvp.error.${field}`);
        }
        return renderEvent(context, { values, errors }, 400);
      }
      const { name, email, phone } = parsed.data;
      await events.upsertRsvp({ eventId: event.id, name, email, phone: phone === '' ? null : phone, lang: locale.lang });
      const calendarUrl = `${model.siteUrl}/events/${event.slug}/calendar.ics`;
      await services.mailer.send({
        to: email,
        kind: 'event_rsvp',
        campaignId: campaign.id,
        subject: locale.t('mail.rsvp.subject', { title: event.title }),
        text: locale.t('mail.rsvp.body', { name, title: event.title, when: locale.formatDateTime(event.startsAt, campaign.timeZone), location: event.location || '—', calendarUrl, campaign: campaign.name }),
      });
      await reply.redirect(thanksUrl, 303);
      return null;
    },
  );

  // ---- Organizers (public.manage; exports need export.individual) ----
  app.get('/api/campaigns/:slug/events', { schema: { tags: ['events'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    return { events: (await events.listAll(access.campaign.id)).map((r) => presentEvent(r.event, { rsvps: r.rsvps, checkedIn: r.checkedIn })) };
  });

  app.post('/api/campaigns/:slug/events', { schema: { tags: ['events'], params: slugParams, body: createBody } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const body = request.body;
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    checkTimes(startsAt, endsAt);
    const slug = body.slug ?? `${slugify(body.title, 60)}-${startsAt.toISOString().slice(0, 10)}`;
    if (await events.slugTaken(access.campaign.id, slug)) throw new AppError('conflict', 'Another event has that address.', [{ field: 'slug', reason: 'is already used' }]);
    const row = await events.create({ campaignId: access.campaign.id, ...body, slug, startsAt, endsAt });
    site.cache.invalidateCampaign(access.campaign.id);
    return reply.status(201).send({ event: presentEvent(row) });
  });

  app.patch('/api/campaigns/:slug/events/:id', { schema: { tags: ['events'], params: idParams, body: updateBody } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const existing = await events.find(access.campaign.id, request.params.id);
    if (!existing) throw new AppError('not_found', 'No such event.');
    const { startsAt: s, endsAt: e, ...rest } = request.body;
    const startsAt = s ? new Date(s) : existing.startsAt;
    const endsAt = e ? new Date(e) : existing.endsAt;
    checkTimes(startsAt, endsAt);
    if (rest.slug && (await events.slugTaken(access.campaign.id, rest.slug, existing.id))) throw new AppError('conflict', 'Another event has that address.', [{ field: 'slug', reason: 'is already used' }]);
    const row = await events.update(access.campaign.id, existing.id, { ...rest, startsAt, endsAt }, services.now());
    if (!row) throw new AppError('not_found', 'No such event.');
    site.cache.invalidateCampaign(access.campaign.id);
    return { event: presentEvent(row) };
  });

  app.delete('/api/campaigns/:slug/events/:id', { schema: { tags: ['events'], params: idParams } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    if (!(await events.remove(access.campaign.id, request.params.id))) throw new AppError('not_found', 'No such event.');
    site.cache.invalidateCampaign(access.campaign.id);
    return reply.status(204).send();
  });

  // The RSVP list names community members: every view is in the audit log.
  app.get('/api/campaigns/:slug/events/:id/rsvps', { schema: { tags: ['events'], params: idParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const event = await events.find(access.campaign.id, request.params.id);
    if (!event) throw new AppError('not_found', 'No such event.');
    const rows = await events.listRsvps(event.id);
    await auditRequest(services, request, access, 'event.rsvps_viewed', { type: 'event', id: event.id }, { count: rows.length });
    return { event: presentEvent(event), rsvps: rows.map(presentRsvp) };
  });

  app.get('/api/campaigns/:slug/events/:id/rsvps/export.csv', { schema: { tags: ['events'], params: idParams } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'export.individual');
    const event = await events.find(access.campaign.id, request.params.id);
    if (!event) throw new AppError('not_found', 'No such event.');
    const rows = await events.listRsvps(event.id);
    // Logged before a byte leaves.
    await auditRequest(services, request, access, 'export.event_rsvps', { type: 'event', id: event.id }, { count: rows.length });
    const csv = stringify(rows.map(presentRsvp), { header: true, columns: ['name', 'email', 'phone', 'lang', 'walkIn', 'checkedInAt', 'createdAt'] });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', formatContentDisposition(`${event.slug}-rsvps.csv`))
      .header('cache-control', 'private, no-store')
      .send(csv);
  });

  // Check-in at the door: mark (or unmark) an RSVP, or add a walk-in who is checked in at once.
  app.post(
    '/api/campaigns/:slug/events/:id/rsvps/:rsvpId/check-in',
    { schema: { tags: ['events'], params: rsvpParams, body: z.object({ checkedIn: z.boolean().default(true) }).default({ checkedIn: true }) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
      const event = await events.find(access.campaign.id, request.params.id);
      if (!event) throw new AppError('not_found', 'No such event.');
      const row = await events.setCheckedIn(event.id, request.params.rsvpId, request.body.checkedIn ? services.now() : null);
      if (!row) throw new AppError('not_found', 'No such RSVP.');
      return { rsvp: presentRsvp(row) };
    },
  );

  app.post(
    '/api/campaigns/:slug/events/:id/walk-ins',
    {
      schema: {
        tags: ['events'],
        params: idParams,
        body: z.object({
          name: z.string().trim().min(1, 'is required').max(200),
          email: z.string().trim().toLowerCase().max(254).pipe(z.email('is not an email address')).optional(),
          phone: z.string().trim().max(40).optional(),
        }),
      },
    },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
      const event = await events.find(access.campaign.id, request.params.id);
      if (!event) throw new AppError('not_found', 'No such event.');
      const row = await events.addWalkIn({ eventId: event.id, name: request.body.name, email: request.body.email ?? null, phone: request.body.phone || null, at: services.now() });
      return reply.status(201).send({ rsvp: presentRsvp(row) });
    },
  );
}
