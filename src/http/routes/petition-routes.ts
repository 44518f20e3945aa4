import type { FastifyReply } from 'fastify';
import { createElement } from 'react';
import type { PetitionRow } from '../../db/repositories/petitions-repository.js';
import type { Config } from '../../config.js';
import type { Services } from '../../domain/create-services.js';
import { subscribeToNewsletter } from '../../domain/newsletters/subscribe-to-newsletter.js';
import { confirmSignature } from '../../domain/petitions/confirm-signature.js';
import { countPublicSignatures } from '../../domain/petitions/count-public-signatures.js';
import { findPublicPetition } from '../../domain/petitions/find-public-petition.js';
import { formToSignatureInput, signatureFormSchema } from '../../domain/petitions/signature-input.js';
import { isAppError } from '../../errors.js';
import type { MessageKey } from '../../i18n/locales/en.js';
import { PublicNotFound, type PublicPageContext, type PublicSite } from '../public-site.js';
import { renderPage } from '../views/layout.js';
import { PetitionNoticePage, PetitionPage, type PetitionField, type PetitionFormState, type PetitionView } from '../views/petition-page.js';
import type { ZodApp } from '../zod-app.js';

const PUBLIC_SIGNERS = 50;
const formFields: readonly PetitionField[] = ['given_name', 'family_name', 'email', 'zip', 'city', 'relationship', 'comment', 'show_publicly', 'keep_updated'];

// One message per field and kind of problem (zod's issue code), in the reader's language.
function errorKey(field: PetitionField, code: string): MessageKey {
  switch (field) {
    case 'given_name':
    case 'family_name':
      return code === 'too_big' ? `petition.error.${field}.tooLong` : `petition.error.${field}.required`;
    case 'email':
    case 'zip':
    case 'show_publicly':
    case 'keep_updated':
      return `petition.error.${field}.invalid`;
    case 'city':
    case 'comment':
      return `petition.error.${field}.tooLong`;
    case 'relationship':
      return 'petition.error.relationship.required';
  }
}

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

// Pages carry a per-visitor CSRF token and challenge: never cached by anyone.
const noStore = (reply: FastifyReply): void => void reply.header('cache-control', 'no-store');

/**
 * The community petition: `/petition/{slug}` (and `/c/{campaign}/petition/{slug}`), its form, the
 * "check your email" page and the confirmation link, in English and Spanish through the public
 * site's frame. New, duplicate and held signers get the same answer; only the email differs.
 */
export function registerPetitionRoutes(app: ZodApp, services: Services, site: PublicSite, config: Config): void {
  async function locate(context: PublicPageContext): Promise<{ petition: PetitionRow; path: string }> {
    const petition = await services.read(findPublicPetition, context.requester, { campaignId: context.campaign.id, petitionSlug: context.params.petitionSlug ?? '' });
    if (!petition) throw new PublicNotFound();
    return { petition, path: `${context.site.base}/petition/${petition.slug}` };
  }

  async function view(context: PublicPageContext, petition: PetitionRow, path: string): Promise<PetitionView> {
    const { count, signers } = await services.read(countPublicSignatures, context.requester, { petitionId: petition.id, listed: PUBLIC_SIGNERS });
    return { actionUrl: path, title: petition.title, text: petition.text, target: petition.target, goal: petition.goal, count, signers };
  }

  async function renderForm(context: PublicPageContext, at: { petition: PetitionRow; path: string }, status: number, values: PetitionFormState['values'], errors: PetitionFormState['errors']) {
    const { reply, visitor } = context;
    // The visitor's token and challenge, or (when the page is rendered once for everyone) the
    // markers the public site replaces per request.
    const form: PetitionFormState = { csrfToken: visitor.csrfToken(), challenge: await visitor.challenge(), values, errors };
    noStore(reply);
    return { status, body: renderPage(createElement(PetitionPage, { site: context.site, petition: await view(context, at.petition, at.path), form })) };
  }

  async function notice(context: PublicPageContext, at: { petition: PetitionRow; path: string }, status: number, heading: MessageKey, body: MessageKey[], count: number | null, share = false) {
    const { t } = context.locale;
    noStore(context.reply);
    const petition = { title: at.petition.title, goal: at.petition.goal, url: at.path, count };
    return { status, body: renderPage(createElement(PetitionNoticePage, { site: context.site, petition, heading: t(heading), body: body.map((k) => t(k)), share })) };
  }

  // Rendered once per language and filled in per visitor (issue 16): the signature count and the
  // public signers shown may be a few seconds old, as on the home page.
  site.register(app, { path: '/petition/:petitionSlug', perVisitor: true }, async (context) => renderForm(context, await locate(context), 200, {}, {}));

  site.register(app, { path: '/petition/:petitionSlug', method: 'POST' }, async (context) => {
    const { request, reply, locale } = context;
    const at = await locate(context);
    const raw = readForm(request.body);
    const values: PetitionFormState['values'] = {};
    for (const f of formFields) values[f] = raw[f] ?? '';
    const parsed = signatureFormSchema.safeParse(values);
    if (!parsed.success) {
      const errors: PetitionFormState['errors'] = {};
      for (const issue of parsed.error.issues) {
        const field = formFields.find((f) => f === issue.path[0]);
        if (field && !errors[field]) errors[field] = locale.t(errorKey(field, issue.code));
      }
      return renderForm(context, at, 400, values, errors);
    }
    try {
      await services.petitions.sign(at.petition, formToSignatureInput(parsed.data), {
        ip: request.ip,
        source: 'web',
        proof: await services.proofOfWork.verify(raw.altcha, services.now()),
        honeypotFilled: (raw.website ?? '') !== '',
        petitionPath: at.path,
        lang: locale.lang,
      });
    } catch (err) {
      if (isAppError(err) && err.code === 'rate_limited') {
        void reply.header('retry-after', '60');
        return notice(context, at, 429, 'petition.tooMany.heading', ['petition.tooMany.body'], null);
      }
      throw err;
    }
    // "Keep me updated" asks for the newsletter by its own double opt-in: a confirmation message
    // the signer must open. Not for a form a bot filled. The page answers the same either way.
    if (parsed.data.keep_updated && (raw.website ?? '') === '') {
      await services.execute(subscribeToNewsletter, context.requester, { campaign: context.campaign, email: parsed.data.email, lang: locale.lang, siteUrl: context.site.siteUrl, secret: config.sessionSecret });
    }
    // The same answer for a new signer, a duplicate and a held one: only the email differs.
    await reply.status(303).header('location', `${at.path}/thanks`).send();
    return null;
  });

  site.register(app, { path: '/petition/:petitionSlug/thanks' }, async (context) =>
    notice(context, await locate(context), 200, 'petition.thanks.heading', ['petition.thanks.body', 'petition.thanks.spam'], null, true),
  );

  site.register(app, { path: '/petition/:petitionSlug/confirm' }, async (context) => {
    const at = await locate(context);
    const token = (context.request.query as Record<string, unknown>).token;
    const confirmed = typeof token === 'string' && token.length <= 200 ? await services.execute(confirmSignature, context.requester, { petitionId: at.petition.id, token }) : undefined;
    // A first confirmation may have recorded webhook events: deliver them after the commit.
    if (confirmed) services.webhooks.kick();
    if (!confirmed) return notice(context, at, 404, 'petition.badLink.heading', ['petition.badLink.body'], null);
    // The count moved: the page rendered once for everyone shows it at the next visit.
    site.cache.invalidateCampaign(context.campaign.id);
    return notice(context, at, 200, 'petition.confirmed.heading', ['petition.confirmed.body'], confirmed.count, true);
  });
}
