import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { z } from 'zod';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { PetitionRow } from '../../db/repositories/petitions-repository.js';
import type { Services } from '../../domain/create-services.js';
import { formToSignatureInput, signatureFormSchema } from '../../domain/petitions/signature-input.js';
import { isAppError } from '../../errors.js';
import { renderPage } from '../views/layout.js';
import { PetitionNoticePage, PetitionPage, type PetitionFormState, type PetitionView } from '../views/petition-page.js';
import type { ZodApp } from '../zod-app.js';

const PUBLIC_SIGNERS = 50;
const formFields = ['given_name', 'family_name', 'email', 'zip', 'city', 'relationship', 'comment', 'show_publicly'] as const;
const fieldLabels: Record<(typeof formFields)[number], string> = {
  given_name: 'First name',
  family_name: 'Last name',
  email: 'Email',
  zip: 'ZIP code',
  city: 'City',
  relationship: 'Your relationship to the schools',
  comment: 'Your comment',
  show_publicly: 'Show my name',
};

type Located = { campaign: CampaignRow; petition: PetitionRow; base: string; path: string };

const slugParam = z.string().min(1).max(80);
const petitionParams = z.object({ slug: slugParam });
const campaignPetitionParams = z.object({ campaign: slugParam, slug: slugParam });

// The browser form sends strings (or repeated strings); anything else is treated as absent.
function readForm(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const first = Array.isArray(value) ? (value as unknown[])[0] : value;
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  // Pages carry a per-visitor CSRF token and challenge: never cached by anyone.
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

export function registerPetitionRoutes(app: ZodApp, services: Services): void {
  const { campaigns, petitions } = services.repositories;

  async function locate(campaignSlug: string | null, slug: string): Promise<Located | null> {
    const campaign = campaignSlug === null ? await campaigns.findDefault() : await campaigns.findBySlug(campaignSlug);
    if (!campaign) return null;
    const petition = await petitions.findBySlug(campaign.id, slug);
    if (!petition || !petition.published) return null;
    const base = campaignSlug === null ? '' : `/c/${campaign.slug}`;
    return { campaign, petition, base, path: `${base}/petition/${petition.slug}` };
  }

  function notFound(reply: FastifyReply): FastifyReply {
    return sendHtml(reply, 404, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title><link rel="stylesheet" href="/assets/site.css"></head><body><main><h1>There is no such petition</h1><p><a href="/">Go to the home page</a></p></main></body></html>');
  }

  async function view(at: Located): Promise<PetitionView> {
    const [count, signers] = await Promise.all([petitions.countConfirmed(at.petition.id), petitions.listPublicSigners(at.petition.id, PUBLIC_SIGNERS)]);
    return {
      campaignName: at.campaign.name,
      homeUrl: at.base === '' ? '/' : at.base,
      actionUrl: at.path,
      title: at.petition.title,
      text: at.petition.text,
      target: at.petition.target,
      goal: at.petition.goal,
      count,
      signers,
    };
  }

  async function renderForm(reply: FastifyReply, at: Located, status: number, values: PetitionFormState['values'], errors: PetitionFormState['errors']): Promise<FastifyReply> {
    const challenge = JSON.stringify(await services.proofOfWork.challenge(services.now()));
    const form: PetitionFormState = { csrfToken: reply.generateCsrf(), challenge, values, errors };
    return sendHtml(reply, status, renderPage(createElement(PetitionPage, { petition: await view(at), form })));
  }

  async function showPetition(reply: FastifyReply, at: Located | null): Promise<FastifyReply> {
    if (!at) return notFound(reply);
    return renderForm(reply, at, 200, {}, {});
  }

  async function signPetition(request: FastifyRequest, reply: FastifyReply, at: Located | null): Promise<FastifyReply> {
    if (!at) return notFound(reply);
    const raw = readForm(request.body);
    const values: PetitionFormState['values'] = {};
    for (const f of formFields) values[f] = raw[f] ?? '';
    const parsed = signatureFormSchema.safeParse(values);
    if (!parsed.success) {
      const errors: PetitionFormState['errors'] = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '') as (typeof formFields)[number];
        if (field in fieldLabels && !errors[field]) errors[field] = `${fieldLabels[field]} ${issue.message}`;
      }
      return renderForm(reply, at, 400, values, errors);
    }
    const now = services.now();
    try {
      await services.petitions.sign(at.petition, formToSignatureInput(parsed.data), {
        ip: request.ip,
        source: 'web',
        proof: await services.proofOfWork.verify(raw.altcha, now),
        honeypotFilled: (raw.website ?? '') !== '',
        petitionPath: at.path,
      });
    } catch (err) {
      if (isAppError(err) && err.code === 'rate_limited') {
        return sendHtml(
          reply.header('retry-after', '60'),
          429,
          renderPage(createElement(PetitionNoticePage, { petition: { ...(await view(at)), petitionUrl: at.path, count: null }, heading: 'Too many signatures at once', body: ['Too many signatures came from your network in the last minute. Wait a minute, then try again.'] })),
        );
      }
      throw err;
    }
    // The same answer for a new signer, a duplicate and a held one: only the email differs.
    return reply.status(303).header('location', `${at.path}/thanks`).send();
  }

  async function thanks(reply: FastifyReply, at: Located | null): Promise<FastifyReply> {
    if (!at) return notFound(reply);
    const v = await view(at);
    return sendHtml(
      reply,
      200,
      renderPage(
        createElement(PetitionNoticePage, {
          petition: { ...v, petitionUrl: at.path, count: null },
          heading: 'Check your email',
          body: ['We sent you an email with a link. Your signature counts once you open that link.', 'If you do not see it within a few minutes, look in your spam folder.'],
        }),
      ),
    );
  }

  async function confirm(reply: FastifyReply, at: Located | null, token: string | undefined): Promise<FastifyReply> {
    if (!at) return notFound(reply);
    const result = token ? await services.petitions.confirm(token) : undefined;
    const ok = result !== undefined && result.petitionId === at.petition.id;
    const v = await view(at);
    return sendHtml(
      reply,
      ok ? 200 : 404,
      renderPage(
        createElement(PetitionNoticePage, {
          petition: { ...v, petitionUrl: at.path, count: ok ? v.count : null },
          heading: ok ? 'Thank you: your signature is confirmed' : 'This link does not work',
          body: ok
            ? ['Your email address is confirmed. Share the petition with people who care about our schools.']
            : ['The confirmation link is incomplete or not ours. Copy the whole link from the email, or sign again.'],
        }),
      ),
    );
  }

  const html = { schema: { hide: true, params: petitionParams } };
  const htmlIn = { schema: { hide: true, params: campaignPetitionParams } };
  const confirmQuery = z.object({ token: z.string().max(200).optional() });

  app.get('/petition/:slug', html, async (request, reply) => showPetition(reply, await locate(null, request.params.slug)));
  app.post('/petition/:slug', html, async (request, reply) => signPetition(request, reply, await locate(null, request.params.slug)));
  app.get('/petition/:slug/thanks', html, async (request, reply) => thanks(reply, await locate(null, request.params.slug)));
  app.get('/petition/:slug/confirm', { schema: { ...html.schema, querystring: confirmQuery } }, async (request, reply) =>
    confirm(reply, await locate(null, request.params.slug), request.query.token),
  );

  app.get('/c/:campaign/petition/:slug', htmlIn, async (request, reply) => showPetition(reply, await locate(request.params.campaign, request.params.slug)));
  app.post('/c/:campaign/petition/:slug', htmlIn, async (request, reply) => signPetition(request, reply, await locate(request.params.campaign, request.params.slug)));
  app.get('/c/:campaign/petition/:slug/thanks', htmlIn, async (request, reply) => thanks(reply, await locate(request.params.campaign, request.params.slug)));
  app.get('/c/:campaign/petition/:slug/confirm', { schema: { ...htmlIn.schema, querystring: confirmQuery } }, async (request, reply) =>
    confirm(reply, await locate(request.params.campaign, request.params.slug), request.query.token),
  );
}
