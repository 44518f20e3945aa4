import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mailMessages, petitionSignatures } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createPetition, csrfFromPage, formBody, solveFromPage } from '../support/petition-helpers.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;
let petitionId: string;
const generous = { petitionIpHoldPerHour: 100_000, petitionIpLimitPerMinute: 100_000, petitionEmailLimitPerHour: 100 };

beforeAll(async () => {
  t = await createTestApp({ config: generous });
  fixture = await createCampaign(t.database.db, { slug: 'meridian-test', isDefault: true });
  petitionId = (await createPetition(t.database.db, fixture.campaign.id)).id;
});
afterAll(async () => t.close());

let seq = 0;
const person = (over: Record<string, string> = {}) => ({
  given_name: 'Rosa',
  family_name: 'Delgado',
  email: `rosa${++seq}@mail.example`,
  zip: '90011',
  city: 'Los Angeles',
  relationship: 'parent',
  comment: 'For our kids.',
  ...over,
});

async function signViaForm(agent: Agent, path: string, fields: Record<string, string>, options: { solve?: boolean; altcha?: string; website?: string } = {}) {
  const page = await agent.get(path);
  expect(page.statusCode).toBe(200);
  const altcha = options.altcha ?? (options.solve === false ? '' : await solveFromPage(page.body));
  return agent.request({
    method: 'POST',
    url: path,
    withCsrf: false,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ _csrf: csrfFromPage(page.body), altcha, website: options.website ?? '', ...fields }),
  });
}

const signatureOf = async (email: string) => {
  const [row] = await t.database.db.select().from(petitionSignatures).where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.email, email)));
  return row;
};
const mailsTo = async (address: string) => t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, address));
const linkIn = (text: string): string => {
  const m = /(http:\/\/\S+\/confirm\?token=[\w-]+)/.exec(text);
  if (!m?.[1]) throw new Error('no link in mail');
  return new URL(m[1]).pathname + new URL(m[1]).search;
};
const countOnPage = (html: string): number => Number(/<strong>([\d,]+)<\/strong> (?:signatures?|firmas?) /.exec(html)?.[1]?.replace(/,/g, '') ?? NaN);

describe('the public petition page', () => {
  it('shows the text, target, goal and count, with a CSRF-protected form and no inline script or style', async () => {
    const res = await t.agent().get('/petition/fair-process');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Respect our educators’ choice');
    expect(res.body).toContain('The Board of Directors');
    expect(res.body).toMatch(/<strong>0<\/strong> signatures of a goal of 2,500/);
    expect(res.body).toMatch(/<progress max="2500" value="0"/);
    expect(res.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(res.body).toContain('data-challenge="{');
    expect(res.body).toContain('<script src="/assets/petition.js" defer="">');
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.body).not.toMatch(/\sstyle=/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await t.agent().get(`/c/${fixture.campaign.slug}/petition/fair-process`)).statusCode).toBe(200);
  });

  it('answers 404 for an unpublished or unknown petition', async () => {
    await createPetition(t.database.db, fixture.campaign.id, { slug: 'draft', published: false });
    expect((await t.agent().get('/petition/draft')).statusCode).toBe(404);
    expect((await t.agent().get('/petition/nope')).statusCode).toBe(404);
    expect((await t.agent().get('/c/nope/petition/fair-process')).statusCode).toBe(404);
  });
});

describe('signing with the web form', () => {
  it('sign → pending → confirm from the email → counted (and confirming twice changes nothing)', async () => {
    const fields = person({ show_publicly: 'yes' });
    const res = await signViaForm(t.agent(), '/petition/fair-process', fields);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/petition/fair-process/thanks');
    const row = await signatureOf(fields.email);
    expect(row).toMatchObject({ status: 'pending_confirmation', holdReason: null, source: 'web', showPublicly: true, relationship: 'parent', postalCode: '90011' });
    expect(row?.confirmationTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const before = countOnPage((await t.agent().get('/petition/fair-process')).body);

    const [mail] = await mailsTo(fields.email);
    expect(mail).toMatchObject({ kind: 'petition_confirmation' });
    const link = linkIn(mail!.textBody);
    expect(link).toMatch(/^\/petition\/fair-process\/confirm\?token=/);
    const confirmed = await t.agent().get(link);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('your signature is confirmed');
    expect(countOnPage(confirmed.body)).toBe(before + 1);
    expect(await signatureOf(fields.email)).toMatchObject({ status: 'confirmed' });

    const again = await t.agent().get(link);
    expect(again.statusCode).toBe(200);
    expect(countOnPage(again.body)).toBe(before + 1);
    expect(countOnPage((await t.agent().get('/petition/fair-process')).body)).toBe(before + 1);
  });

  it('gives a duplicate signer the identical answer and page, and a different email', async () => {
    const fields = person();
    const first = await signViaForm(t.agent(), '/petition/fair-process', fields);
    const second = await signViaForm(t.agent(), '/petition/fair-process', { ...fields, email: fields.email.toUpperCase(), given_name: 'Someone' });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.body).toBe(first.body);
    const thanksA = await t.agent().get(first.headers.location as string);
    const thanksB = await t.agent().get(second.headers.location as string);
    expect(thanksA.body).toBe(thanksB.body);
    expect(thanksA.body).toContain('Check your email');

    const rows = await t.database.db.select().from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
    expect(rows.filter((r) => r.email.toLowerCase() === fields.email)).toHaveLength(1);
    const mails = await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, fields.email.toUpperCase()));
    const kinds = [...(await mailsTo(fields.email)), ...mails].map((m) => m.kind).sort();
    expect(kinds).toEqual(['petition_already_signed', 'petition_confirmation']);
  });

  it('gives an unconfirmed duplicate a link to the first signature, and only the newest link works', async () => {
    const fields = person();
    await signViaForm(t.agent(), '/petition/fair-process', fields);
    await signViaForm(t.agent(), '/petition/fair-process', { ...fields, given_name: 'Again' });
    const mails = await mailsTo(fields.email);
    const firstLink = linkIn(mails.find((m) => m.kind === 'petition_confirmation')?.textBody ?? '');
    const newestLink = linkIn(mails.find((m) => m.kind === 'petition_already_signed')?.textBody ?? '');
    expect(newestLink).not.toBe(firstLink);

    await t.agent().get(firstLink);
    expect((await signatureOf(fields.email))?.status).toBe('pending_confirmation');
    await t.agent().get(newestLink);
    const row = await signatureOf(fields.email);
    expect(row?.status).toBe('confirmed');
    expect(row?.givenName).toBe(fields.given_name);
  });

  it('tells an already confirmed signer so, without a new link', async () => {
    const fields = person();
    await signViaForm(t.agent(), '/petition/fair-process', fields);
    const [mail] = await mailsTo(fields.email);
    await t.agent().get(linkIn(mail!.textBody));
    const res = await signViaForm(t.agent(), '/petition/fair-process', fields);
    expect(res.statusCode).toBe(303);
    const mails = await mailsTo(fields.email);
    const last = mails.find((m) => m.kind === 'petition_already_signed');
    expect(last?.textBody).toContain('your signature is counted');
    expect(last?.textBody).not.toContain('token=');
  });

  it('holds a filled honeypot, a missing, a forged and a replayed proof of work — with the same answer', async () => {
    const agent = t.agent();
    const page = await agent.get('/petition/fair-process');
    const solved = await solveFromPage(page.body);
    const reuse = await signViaForm(agent, '/petition/fair-process', person(), { altcha: solved });
    expect(reuse.statusCode).toBe(303);

    const honeypot = person();
    const noPow = person();
    const forged = person();
    const replayed = person();
    const responses = [
      await signViaForm(t.agent(), '/petition/fair-process', honeypot, { website: 'http://spam.example' }),
      await signViaForm(t.agent(), '/petition/fair-process', noPow, { solve: false }),
      await signViaForm(t.agent(), '/petition/fair-process', forged, { altcha: Buffer.from('{"challenge":{},"solution":{}}').toString('base64') }),
      await signViaForm(t.agent(), '/petition/fair-process', replayed, { altcha: solved }),
    ];
    for (const r of responses) {
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe(reuse.headers.location);
      expect(r.body).toBe(reuse.body);
    }
    expect(await signatureOf(honeypot.email)).toMatchObject({ status: 'held_for_review', holdReason: 'honeypot' });
    expect(await signatureOf(noPow.email)).toMatchObject({ status: 'held_for_review', holdReason: 'proof_of_work_missing' });
    expect(await signatureOf(forged.email)).toMatchObject({ status: 'held_for_review', holdReason: 'proof_of_work_invalid' });
    expect(await signatureOf(replayed.email)).toMatchObject({ status: 'held_for_review', holdReason: 'proof_of_work_replayed' });
    // A bot's honeypot gets no mail (it may be someone else's address); a person without JavaScript does.
    expect(await mailsTo(honeypot.email)).toHaveLength(0);
    const [noPowMail] = await mailsTo(noPow.email);
    expect(noPowMail?.kind).toBe('petition_confirmation');

    // Confirming a held signature records the email but it does not count until approved.
    const before = countOnPage((await t.agent().get('/petition/fair-process')).body);
    const confirmed = await t.agent().get(linkIn(noPowMail!.textBody));
    expect(confirmed.statusCode).toBe(200);
    expect(countOnPage(confirmed.body)).toBe(before);
    const row = await signatureOf(noPow.email);
    expect(row?.status).toBe('held_for_review');
    expect(row?.confirmedAt).not.toBeNull();
  });

  it('re-renders the form with per-field errors (400) for bad input, keeps what was typed, and stores nothing', async () => {
    const agent = t.agent();
    const bad = person({ given_name: '  ', email: 'not-an-email', zip: '9001', relationship: 'landlord', comment: 'x'.repeat(2001) });
    const res = await signViaForm(agent, '/petition/fair-process', bad);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('First name is required');
    expect(res.body).toContain('Email is not an email address');
    expect(res.body).toContain('ZIP code is not a ZIP code');
    expect(res.body).toContain('Your relationship to the schools is required');
    expect(res.body).toContain('Your comment is too long');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toMatch(/name="_csrf" value="[^"]+"/);
    const rows = await t.database.db.select().from(petitionSignatures).where(eq(petitionSignatures.email, 'not-an-email'));
    expect(rows).toHaveLength(0);
    expect(await mailsTo('not-an-email')).toHaveLength(0);

    // Missing fields altogether are errors too, not crashes.
    const page = await agent.get('/petition/fair-process');
    const empty = await agent.request({ method: 'POST', url: '/petition/fair-process', withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfFromPage(page.body) }) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Last name is required');
  });

  it('refuses a form post without the CSRF token', async () => {
    const fields = person();
    const res = await t.agent().request({ method: 'POST', url: '/petition/fair-process', withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(fields) });
    expect(res.statusCode).toBe(403);
    expect(await signatureOf(fields.email)).toBeUndefined();
  });

  it('rejects an invalid confirmation token with a 404 page', async () => {
    const res = await t.agent().get('/petition/fair-process/confirm?token=nottherightoneatallnotatallreally');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('This link does not work');
  });
});

describe('in Spanish', () => {
  const spanish = { 'accept-language': 'es-US,es;q=0.9,en;q=0.5' };
  /** A browser whose language switch was set to Spanish (`?lang=es` leaves the cookie). */
  async function spanishAgent(): Promise<Agent> {
    const agent = t.agent();
    const page = await agent.get('/petition/fair-process?lang=es');
    expect(page.headers['set-cookie']).toEqual(expect.arrayContaining([expect.stringContaining('uh_lang=es')]));
    return agent;
  }

  it('serves the page in Spanish for Accept-Language: es, in the site frame with the language switch', async () => {
    const res = await t.agent().request({ method: 'GET', url: '/petition/fair-process', headers: spanish });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="es">');
    expect(res.headers.vary).toContain('Accept-Language');
    expect(res.headers['cache-control']).toBe('no-store');
    for (const text of ['Firme la petición', 'Dirigida a:', 'Correo electrónico', 'Código postal', 'Madre, padre o tutor de un estudiante', 'Firmar la petición', 'data-wait="Un momento…"']) {
      expect(res.body).toContain(text);
    }
    expect(res.body).toMatch(/<strong>\d+<\/strong> firmas? de una meta de 2,500/);
    // The frame: skip link, landmarks, the switch back to English, Open Graph in Spanish.
    expect(res.body).toContain('<main id="main"');
    expect(res.body).toContain('<nav aria-label="Idioma" class="language-switch"><a href="/petition/fair-process?lang=en" hrefLang="en" lang="en">English</a>');
    expect(res.body).toContain('<meta property="og:locale" content="es_US"/>');
    expect(res.body).toContain('Saltar al contenido principal');
    // The petition itself is the campaign's own words, shown as written.
    expect(res.body).toContain('Respect our educators’ choice');
    expect(res.body).not.toMatch(/Sign the petition|First name|ZIP code/);
    // The same page for the other campaign address, and English stays the default.
    expect((await t.agent().request({ method: 'GET', url: `/c/${fixture.campaign.slug}/petition/fair-process`, headers: spanish })).body).toContain('Firme la petición');
    expect((await t.agent().get('/petition/fair-process')).body).toContain('<html lang="en">');
  });

  it('?lang=es wins over the browser language and is remembered by a cookie', async () => {
    const agent = t.agent();
    const res = await agent.request({ method: 'GET', url: '/petition/fair-process?lang=es', headers: { 'accept-language': 'en-US' } });
    expect(res.body).toContain('<html lang="es">');
    expect(agent.cookie('uh_lang')).toBe('es');
    expect((await agent.request({ method: 'GET', url: '/petition/fair-process/thanks', headers: { 'accept-language': 'en-US' } })).body).toContain('Revise su correo electrónico');
    expect((await agent.get('/petition/fair-process?lang=en')).body).toContain('<html lang="en">');
  });

  it('gives the per-field errors in Spanish (400) and keeps what was typed', async () => {
    const agent = t.agent();
    const page = await agent.request({ method: 'GET', url: '/petition/fair-process', headers: spanish });
    const bad = person({ given_name: ' ', family_name: '', email: 'no-es-correo', zip: '9001', relationship: 'landlord', comment: 'x'.repeat(2001) });
    const res = await agent.request({
      method: 'POST',
      url: '/petition/fair-process',
      withCsrf: false,
      headers: { ...spanish, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: csrfFromPage(page.body), altcha: '', website: '', ...bad }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain('<title>Error: Respect our educators’ choice · ');
    expect(res.body).toContain('Corrija estos campos');
    for (const message of [
      'Escriba su nombre.',
      'Escriba su apellido.',
      'Escriba un correo electrónico válido, como nombre@ejemplo.org.',
      'Escriba un código postal de 5 dígitos.',
      'Elija su relación con las escuelas.',
      'Su comentario es demasiado largo (2,000 caracteres como máximo).',
    ]) {
      expect(res.body).toContain(message);
    }
    expect(res.body).not.toMatch(/is required|is not a ZIP code/);
    expect(res.body).toContain('value="no-es-correo"');
    expect(await mailsTo('no-es-correo')).toHaveLength(0);
  });

  it('signs in Spanish: the same answer, the confirmation email in Spanish, the confirmation page in Spanish', async () => {
    const agent = await spanishAgent();
    const fields = person({ given_name: 'Guadalupe' });
    const res = await signViaForm(agent, '/petition/fair-process', fields);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/petition/fair-process/thanks');
    const thanks = await agent.get(res.headers.location as string);
    expect(thanks.body).toContain('<html lang="es">');
    expect(thanks.body).toContain('Revise su correo electrónico');
    expect(thanks.body).toContain('Volver a la petición: Respect our educators’ choice');

    const [mail] = await mailsTo(fields.email);
    expect(mail).toMatchObject({ kind: 'petition_confirmation', subject: 'Confirme su firma: Respect our educators’ choice' });
    expect(mail!.textBody).toContain('Hola, Guadalupe:');
    expect(mail!.textBody).toContain('Gracias por firmar «Respect our educators’ choice».');
    expect(mail!.textBody).toContain('Abra este enlace:');
    expect(mail!.textBody).not.toContain('Thank you');

    const confirmed = await agent.get(linkIn(mail!.textBody));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Gracias: su firma está confirmada');
    expect(countOnPage(confirmed.body)).toBeGreaterThan(0);
    const bad = await agent.get('/petition/fair-process/confirm?token=nottherightoneatallnotatallreally');
    expect(bad.statusCode).toBe(404);
    expect(bad.body).toContain('Este enlace no funciona');
  });

  it('answers a duplicate signer in Spanish byte for byte as a new one, and tells them by email in Spanish', async () => {
    const fields = person();
    const first = await signViaForm(await spanishAgent(), '/petition/fair-process', fields);
    const second = await signViaForm(await spanishAgent(), '/petition/fair-process', { ...fields, given_name: 'Otra' });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.body).toBe(first.body);
    const [thanksA, thanksB] = [await (await spanishAgent()).get(first.headers.location as string), await (await spanishAgent()).get(second.headers.location as string)];
    expect(thanksA.body).toBe(thanksB.body);

    const mails = await mailsTo(fields.email);
    expect(mails.map((m) => m.kind).sort()).toEqual(['petition_already_signed', 'petition_confirmation']);
    const already = mails.find((m) => m.kind === 'petition_already_signed');
    expect(already?.subject).toBe('Usted ya firmó: Respect our educators’ choice');
    expect(already?.textBody).toContain('Hola, Otra:');
    expect(already?.textBody).toContain('su firma todavía no está confirmada');
    expect(already?.textBody).toMatch(/confirm\?token=/);
  });

  it('refuses an expired form with a page in Spanish', async () => {
    const res = await t.agent().request({ method: 'POST', url: '/petition/fair-process', withCsrf: false, headers: { ...spanish, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(person()) });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain('Inténtelo de nuevo');
  });
});

describe('rate limits', () => {
  it('holds signatures beyond the per-IP hourly limit, refuses a flood, and stops mailing one address', async () => {
    const limited = await createTestApp({ config: { petitionIpHoldPerHour: 2, petitionIpLimitPerMinute: 4, petitionEmailLimitPerHour: 2 } });
    try {
      const c = await createCampaign(limited.database.db, { isDefault: true });
      const p = await createPetition(limited.database.db, c.campaign.id);
      const body = (email: string) => ({ person: { given_name: 'Ana', family_name: 'Soto', email_addresses: [{ address: email }], postal_addresses: [{ postal_code: '90001' }] } });
      const post = (email: string, ip = '10.0.0.1') => limited.app.inject({ method: 'POST', url: `/api/v1/petitions/${p.id}/signatures`, payload: body(email), remoteAddress: ip });

      const codes = [];
      for (const e of ['a@x.example', 'b@x.example', 'c@x.example', 'a@x.example']) codes.push((await post(e)).statusCode);
      expect(codes).toEqual([200, 200, 200, 200]);
      const statuses = await limited.database.db.select().from(petitionSignatures).where(eq(petitionSignatures.petitionId, p.id));
      const byEmail = Object.fromEntries(statuses.map((s) => [s.email, [s.status, s.holdReason]]));
      expect(byEmail).toEqual({ 'a@x.example': ['pending_confirmation', null], 'b@x.example': ['pending_confirmation', null], 'c@x.example': ['held_for_review', 'ip_rate'] });

      // The fifth request in a minute from one address is a flood: refused.
      const flood = await post('d@x.example');
      expect(flood.statusCode).toBe(429);
      expect((flood.json() as { error: { code: string } }).error.code).toBe('rate_limited');
      // Another address is not affected.
      expect((await post('e@x.example', '10.0.0.2')).statusCode).toBe(200);

      // One address gets at most 2 petition emails an hour, whatever is posted.
      for (let i = 0; i < 3; i++) expect((await post('f@x.example', `10.0.1.${i}`)).statusCode).toBe(200);
      const fMails = await limited.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'f@x.example'));
      expect(fMails).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });
});

describe('OSDI', () => {
  it('serves the HAL entry point with the petitions link', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/hal+json');
    const body = res.json() as { _links: Record<string, unknown> };
    expect(body._links.self).toEqual({ href: `${t.config.publicUrl}/api/v1` });
    expect(body._links['osdi:petitions']).toMatchObject({ href: `${t.config.publicUrl}/api/v1/petitions` });
    expect(body._links.curies).toEqual([{ name: 'osdi', href: expect.stringContaining('{rel}'), templated: true }]);
  });

  it('lists published petitions as a HAL collection with aggregates only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/petitions' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/hal+json');
    const body = res.json() as { total_records: number; _embedded: { 'osdi:petitions': { identifiers: string[]; title: string; total_signatures: number; browser_url: string; _links: Record<string, { href: string }> }[] } };
    const items = body._embedded['osdi:petitions'];
    expect(items.map((i) => i.identifiers[0])).toEqual([`unionhall:${petitionId}`]);
    expect(body.total_records).toBe(1);
    expect(items[0]).toMatchObject({ title: 'Respect our educators’ choice', browser_url: `${t.config.publicUrl}/petition/fair-process` });
    expect(typeof items[0]?.total_signatures).toBe('number');
    // The spec's helper URL; Action Network's (a POST to the signatures) works as well (test/api/osdi.test.ts).
    expect(items[0]?._links['osdi:record_signature_helper']?.href).toBe(`${t.config.publicUrl}/api/v1/petitions/${petitionId}/record_signature_helper`);
    expect(res.body).not.toMatch(/@mail\.example|Delgado/);

    const one = await t.app.inject({ method: 'GET', url: `/api/v1/petitions/${petitionId}` });
    expect(one.statusCode).toBe(200);
    expect((one.json() as { total_signatures: number }).total_signatures).toBe(items[0]?.total_signatures);
    expect(one.body).not.toMatch(/@mail\.example/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/petitions/not-a-uuid' })).statusCode).toBe(404);
  });

  it('records a signature through the helper: 200 {} without CSRF or proof of work, then email confirmation', async () => {
    const email = 'osdi-signer@mail.example';
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/petitions/${petitionId}/signatures`,
      headers: { 'content-type': 'application/hal+json' },
      payload: JSON.stringify({ person: { given_name: 'Tomas', family_name: 'Quintero', email_addresses: [{ address: email }], postal_addresses: [{ postal_code: '90255' }] }, comments: 'Yes.' }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/hal+json');
    expect(res.json()).toEqual({});
    expect(await signatureOf(email)).toMatchObject({ status: 'pending_confirmation', source: 'osdi', postalCode: '90255', comment: 'Yes.', showPublicly: false });
    const [mail] = await mailsTo(email);
    expect(mail?.kind).toBe('petition_confirmation');
    expect((await t.agent().get(linkIn(mail!.textBody))).statusCode).toBe(200);
    expect(await signatureOf(email)).toMatchObject({ status: 'confirmed' });

    const dup = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${petitionId}/signatures`, payload: { person: { given_name: 'T', family_name: 'Q', email_addresses: [{ address: email }] } } });
    expect(dup.statusCode).toBe(200);
    expect(dup.json()).toEqual({});
  });

  it('answers bad input with 400 and the fields, and stores nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/petitions/${petitionId}/signatures`,
      payload: { person: { given_name: '', family_name: 'X', email_addresses: [{ address: 'nope' }], postal_addresses: [{ postal_code: 'abc' }] } },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { code: string; fields: { field: string }[] } }).error;
    expect(fields.code).toBe('validation_failed');
    // An empty name is no name (an email alone is enough) and postal codes are the world's, not only ZIP codes.
    expect(fields.fields.map((f) => f.field).sort()).toEqual(['body.person.email_addresses.0.address']);
    expect(await signatureOf('nope')).toBeUndefined();
    const malformed = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${petitionId}/signatures`, headers: { 'content-type': 'application/json' }, payload: '{"person":' });
    expect(malformed.statusCode).toBe(400);
    const unpublished = await createPetition(t.database.db, fixture.campaign.id, { slug: 'hidden', published: false });
    const hidden = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${unpublished.id}/signatures`, payload: { person: { given_name: 'A', family_name: 'B', email_addresses: [{ address: 'a@b.example' }] } } });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('public listing of signers', () => {
  it('lists only confirmed signers who opted in, as first name, last initial, relationship and city', async () => {
    const c = await createCampaign(t.database.db);
    const p = await createPetition(t.database.db, c.campaign.id, { slug: 'listing' });
    const base = { petitionId: p.id, postalCode: '90011', source: 'web' as const, createdAt: new Date() };
    await t.database.db.insert(petitionSignatures).values([
      { ...base, id: crypto.randomUUID(), givenName: 'Imani', familyName: 'Washington', email: 'i@x.example', city: 'Inglewood', relationship: 'alumnus', showPublicly: true, status: 'confirmed', confirmedAt: new Date() },
      { ...base, id: crypto.randomUUID(), givenName: 'Hidden', familyName: 'Person', email: 'h@x.example', city: 'Lynwood', relationship: 'parent', showPublicly: false, status: 'confirmed', confirmedAt: new Date() },
      { ...base, id: crypto.randomUUID(), givenName: 'Pending', familyName: 'Signer', email: 'p@x.example', city: 'South Gate', relationship: 'neighbor', showPublicly: true, status: 'pending_confirmation' },
      { ...base, id: crypto.randomUUID(), givenName: 'Heldback', familyName: 'Bot', email: 'b@x.example', city: 'Nowhere', relationship: 'other', showPublicly: true, status: 'held_for_review', confirmedAt: new Date() },
    ]);
    const res = await t.agent().get(`/c/${c.campaign.slug}/petition/listing`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Imani W.');
    expect(res.body).toContain('Alumna or alumnus, Inglewood');
    expect(res.body).not.toContain('Washington');
    for (const hidden of ['Hidden', 'Pending', 'Heldback', 'i@x.example', '90011']) expect(res.body).not.toContain(hidden);
    expect(countOnPage(res.body)).toBe(2);
  });
});

describe('organizers', () => {
  it('create, edit and publish petitions (public.manage); committee members may not', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    await agent.login(organizer.email, TEST_PASSWORD);
    const slug = fixture.campaign.slug;
    const created = await agent.post(`/api/campaigns/${slug}/petitions`, { slug: 'new-one', title: 'New', text: 'Text', target: 'Board', goal: 100 });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { petition: { id: string; published: boolean } }).petition.id;
    expect((created.json() as { petition: { published: boolean } }).petition.published).toBe(false);
    expect((await t.agent().get('/petition/new-one')).statusCode).toBe(404);
    const published = await agent.put(`/api/campaigns/${slug}/petitions/${id}`, { published: true, goal: 500 });
    expect(published.statusCode).toBe(200);
    expect((await t.agent().get('/petition/new-one')).body).toContain('goal of 500');
    expect((await agent.post(`/api/campaigns/${slug}/petitions`, { slug: 'new-one', title: 'Again', text: 'T', target: 'B', goal: 1 })).statusCode).toBe(409);
    const bad = await agent.post(`/api/campaigns/${slug}/petitions`, { slug: 'Bad Slug', title: '', text: 'T', target: 'B', goal: 0 });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort()).toEqual(['body.goal', 'body.slug', 'body.title']);

    const committee = await createMember(t.database.db, fixture, 'committee');
    const cAgent = t.agent();
    await cAgent.login(committee.email, TEST_PASSWORD);
    expect((await cAgent.get(`/api/campaigns/${slug}/petitions`)).statusCode).toBe(403);
  });

  it('review held signatures: approve lifts the hold, reject deletes', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    await agent.login(organizer.email, TEST_PASSWORD);
    const keep = person();
    const spam = person();
    await signViaForm(t.agent(), '/petition/fair-process', keep, { solve: false });
    await signViaForm(t.agent(), '/petition/fair-process', spam, { website: 'x' });
    const held = await agent.get(`/api/campaigns/${fixture.campaign.slug}/petitions/${petitionId}/held`);
    expect(held.statusCode).toBe(200);
    const list = (held.json() as { signatures: { id: string; email: string; holdReason: string }[] }).signatures;
    const keepRow = list.find((s) => s.email === keep.email);
    const spamRow = list.find((s) => s.email === spam.email);
    expect(keepRow?.holdReason).toBe('proof_of_work_missing');
    const url = (id: string, d: string) => `/api/campaigns/${fixture.campaign.slug}/petitions/${petitionId}/held/${id}/${d}`;
    const approved = await agent.post(url(keepRow!.id, 'approve'));
    expect(approved.json()).toEqual({ id: keepRow!.id, status: 'pending_confirmation' });
    expect((await agent.post(url(spamRow!.id, 'reject'))).statusCode).toBe(200);
    expect(await signatureOf(spam.email)).toBeUndefined();
    expect((await agent.post(url(spamRow!.id, 'reject'))).statusCode).toBe(404);
    // Now an ordinary pending signature: confirming counts it.
    const [mail] = await mailsTo(keep.email);
    await t.agent().get(linkIn(mail!.textBody));
    expect(await signatureOf(keep.email)).toMatchObject({ status: 'confirmed' });
    const actions = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, organizer.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['petition.held_viewed', 'petition.signature_approved', 'petition.signature_rejected']));
  });

  it('export signers as CSV: admins only, audited, formulas defused', async () => {
    const fields = person({ given_name: '=HYPERLINK("http://evil.example")' });
    await signViaForm(t.agent(), '/petition/fair-process', fields);
    const admin = await createMember(t.database.db, fixture, 'admin');
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const url = `/api/campaigns/${fixture.campaign.slug}/petitions/${petitionId}/signers.csv`;

    const oAgent = t.agent();
    await oAgent.login(organizer.email, TEST_PASSWORD);
    expect((await oAgent.get(url)).statusCode).toBe(403);
    expect((await t.agent().get(url)).statusCode).toBe(401);

    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    const res = await agent.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('first_name,last_name,email,zip_code,city,relationship,comments,show_publicly,status,source,created_date,confirmed_date');
    const line = lines.find((l) => l.includes(fields.email));
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.actorAccountId, admin.id), eq(auditEvents.action, 'export.petition_signers')));
    expect(event).toMatchObject({ subjectType: 'petition', subjectId: petitionId, campaignId: fixture.campaign.id });
    expect((event?.details as { count: number }).count).toBe(lines.length - 1);
    const none = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.actorAccountId, organizer.id), eq(auditEvents.action, 'export.petition_signers')));
    expect(none).toHaveLength(0);
  });
});

describe('confirmation emails through a real SMTP server', () => {
  it('delivers the confirmation recorded with the signature, and its link confirms', async () => {
    const sink = await startSmtpSink();
    const smtp = await createTestApp({ config: { ...generous, smtpUrl: sink.url } });
    try {
      const c = await createCampaign(smtp.database.db, { isDefault: true });
      const p = await createPetition(smtp.database.db, c.campaign.id);
      const arriving = sink.next();
      const res = await smtp.app.inject({ method: 'POST', url: `/api/v1/petitions/${p.id}/signatures`, payload: { person: { given_name: 'Mei', family_name: 'Chen', email_addresses: [{ address: 'mei@mail.example' }] } } });
      expect(res.statusCode).toBe(200);
      const mail = await arriving;
      expect(mail.to).toEqual(['mei@mail.example']);
      expect(mail.headers.get('subject')).toMatch(/^=\?UTF-8\?Q\?Confirm_your_signature/);
      const link = /(http:\/\/\S+\/confirm\?token=[\w-]+)/.exec(mail.body)?.[1];
      expect(link).toBeDefined();
      expect((await smtp.agent().get(new URL(link!).pathname + new URL(link!).search)).statusCode).toBe(200);
      // The transmission log: the row written with the signature is marked sent.
      for (let i = 0; i < 50; i++) {
        const [row] = await smtp.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'mei@mail.example'));
        if (row?.sentAt) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const [row] = await smtp.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'mei@mail.example'));
      expect(row).toMatchObject({ transport: 'smtp', kind: 'petition_confirmation', error: null });
      expect(row?.messageId).toBe(mail.headers.get('message-id'));
    } finally {
      await smtp.close();
      await sink.close();
    }
  });
});
