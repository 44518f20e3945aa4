import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { campaigns, cardConfirmations, cards, cardRevocations, cardScans, cardTextApprovals, cardTexts, cardVerifications, employers, mailMessages, publicNumberPublications } from '../db/schema/index.js';
import { addDays } from '../domain/calendar.js';
import { hashCard, type CardContent } from '../domain/cards/card-hash.js';
import { renderCardText } from '../domain/cards/card-text.js';
import { confirmationMessage } from '../domain/cards/confirmation-message.js';
import { createConfirmationToken } from '../domain/cards/confirmation-token.js';
import { confirmationUrl } from '../domain/cards/record-card.js';
import { cardsForMajority } from '../domain/majority/thresholds.js';
import { campaignName } from './demo-names.js';
import { createRandom, type Random } from './demo-random.js';
import { DEMO_SLUG, demoSteps, type DemoContext } from './load-demo.js';
import type { StoryCalendar } from './story-calendar.js';

export const DEMO_CARD_TITLE = 'Authorization for representation';
export const DEMO_CARD_BODY = [
  `I, the undersigned employee of {employer}, authorize ${campaignName} to represent me for the purposes of collective bargaining with {employer} over wages, hours and other terms and conditions of employment, under the Educational Employment Relations Act.`,
  `I understand that this card may be used to ask {employer} to recognize ${campaignName} as the exclusive representative of my bargaining unit, or to support a petition for an election.`,
  'This card is confidential. It will not be shown to my employer.',
].join('\n\n');

/** The same card in Spanish: its own approved version, which Spanish-speaking signers read and sign. */
export const DEMO_CARD_TITLE_ES = 'Autorización de representación';
export const DEMO_CARD_BODY_ES = [
  `Yo, empleada o empleado de {employer}, autorizo a ${campaignName} a representarme en la negociación colectiva con {employer} sobre salarios, horarios y demás términos y condiciones de empleo, conforme a la Ley de Relaciones Laborales en la Educación (EERA).`,
  `Entiendo que esta tarjeta puede usarse para pedir a {employer} que reconozca a ${campaignName} como representante exclusivo de mi unidad de negociación, o para apoyar una petición de elección.`,
  'Esta tarjeta es confidencial. No se mostrará a mi empleador.',
].join('\n\n');

/** The network's email domain: every school's employer controls it, so the card form refuses it. */
export const DEMO_EMPLOYER_DOMAIN = 'meridianschools.example';

/** The demo's public address for the confirmation links in its messages (the real server's is in the config). */
const DEMO_PUBLIC_URL = 'http://localhost:3000';

/** The seeds' story, as numbers the dashboard must show (see the tests of the demo), in 2015. */
export const DEMO_STORY = {
  april: { asOf: '2015-04-24', supporters: 67, schools: 7 },
  june: { asOf: '2015-06-15', supporters: 146, schools: 21 },
} as const;

type Checkpoint = { asOf: string; supporters: number; schools: number };

/** The same checkpoints, on the dates of a demo loaded with `calendar` (`demo.calendar`). */
export function demoStory(calendar: Pick<StoryCalendar, 'date'>): { april: Checkpoint; june: Checkpoint } {
  return {
    april: { ...DEMO_STORY.april, asOf: calendar.date(DEMO_STORY.april.asOf) },
    june: { ...DEMO_STORY.june, asOf: calendar.date(DEMO_STORY.june.asOf) },
  };
}

// A one-page PDF standing in for a scanned paper card.
const demoScan = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 396]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

type Educator = DemoContext['educators'][number];
type Plan = { educator: Educator; signedOn: string; source: 'electronic' | 'paper' };

/** Spreads `total` over `slots` as evenly as possible (the first ones get the remainder). */
function spread(total: number, slots: number): number[] {
  return Array.from({ length: slots }, (_, i) => Math.floor(total / slots) + (i < total % slots ? 1 : 0));
}

// Cards that tell the seeds' story: 67 educators at 7 schools by late April 2015, 146 at 21 schools
// by mid-June, the largest school past 50% (the filing packet of issue 5 uses it), every one of
// them verified, plus the things a real drive has: a few paper cards, one person who signed twice,
// two revoked cards, five recent cards waiting for verification (submitted or confirmed) and two
// cards that match no one on the roster (they wait in the review queue). The June numbers are
// published, exactly (granularity 1). Dates are planned in 2015 and moved to the demo's year as
// each card is made.
async function loadDemoCards(context: DemoContext): Promise<void> {
  const { db, random, calendar } = context;
  // The cards waiting for verification draw from their own generator: adding them left the rest
  // of the demo (and the steps after this one) exactly as it was.
  const waitingRandom = createRandom(10_021);
  const employerNames = new Map((await db.select().from(employers).where(eq(employers.campaignId, context.campaignId))).map((e) => [e.id, e.name]));
  const [inserted] = await db.insert(cardTexts).values({ campaignId: context.campaignId, version: 1, title: DEMO_CARD_TITLE, body: DEMO_CARD_BODY, createdAt: calendar.instant('2015-02-20T17:00:00Z') }).returning();
  if (!inserted) throw new Error('could not create the demo card text');
  const text = inserted;
  const [spanish] = await db
    .insert(cardTexts)
    .values({ campaignId: context.campaignId, version: 2, language: 'es', title: DEMO_CARD_TITLE_ES, body: DEMO_CARD_BODY_ES, createdAt: calendar.instant('2015-02-23T17:00:00Z') })
    .returning();
  if (!spanish) throw new Error('could not create the demo Spanish card text');
  await db.insert(cardTextApprovals).values([
    { cardTextId: text.id, campaignId: context.campaignId, approvedAt: calendar.instant('2015-02-20T18:00:00Z') },
    { cardTextId: spanish.id, campaignId: context.campaignId, approvedAt: calendar.instant('2015-02-23T18:00:00Z') },
  ]);
  // The network's domain is the employer's: a card's contact may not be there.
  await db.update(employers).set({ emailDomains: [DEMO_EMPLOYER_DOMAIN] }).where(eq(employers.campaignId, context.campaignId));

  const bySchool = context.worksites.map((w) => ({ site: w, people: context.educators.filter((e) => e.worksiteId === w.id) })).sort((a, b) => b.people.length - a.people.length);
  const largest = bySchool[0];
  if (!largest) throw new Error('the demo has no schools');
  const aprilSchools = bySchool.slice(0, DEMO_STORY.april.schools);
  const juneSchools = bySchool.slice(0, DEMO_STORY.june.schools);

  // How many supporters each school has at each checkpoint.
  const juneLargest = cardsForMajority(largest.people.length) + 2;
  const aprilLargest = Math.min(16, juneLargest);
  const aprilCounts = [aprilLargest, ...spread(DEMO_STORY.april.supporters - aprilLargest, aprilSchools.length - 1)];
  const juneExtra = spread(DEMO_STORY.june.supporters - juneLargest - (DEMO_STORY.april.supporters - aprilLargest), juneSchools.length - 1);
  const juneCounts = juneSchools.map((_, i) => (i === 0 ? juneLargest : (aprilCounts[i] ?? 0) + (juneExtra[i - 1] ?? 0)));

  const plans: Plan[] = [];
  const leftOver: Educator[] = [];
  juneSchools.forEach((school, i) => {
    const order = [...school.people];
    for (let k = order.length - 1; k > 0; k--) {
      const j = random.int(0, k);
      [order[k], order[j]] = [order[j] as Educator, order[k] as Educator];
    }
    // Those who leave at the end of June sign last, if at all: after the story the supporters are
    // still the June ones (146 at 21 schools), as on the public home page of a demo loaded today.
    order.sort((a, b) => Number(a.leaves) - Number(b.leaves));
    const april = aprilCounts[i] ?? 0;
    const june = juneCounts[i] ?? 0;
    if (june > order.length - 1) throw new Error(`demo school ${school.site.name} is too small for ${june} cards`);
    order.slice(0, june).forEach((educator, k) => {
      // April supporters signed between March 2 and April 24; the rest from April 27 to June 15.
      const signedOn = k < april ? addDays('2015-03-02', random.int(0, 53)) : addDays('2015-04-27', random.int(0, 49));
      plans.push({ educator, signedOn, source: 'electronic' });
    });
    leftOver.push(...order.slice(june));
  });
  // A few paper cards, collected at a June meeting at the largest school.
  plans.filter((p) => p.educator.worksiteId === largest.site.id && p.signedOn > '2015-05-01').slice(0, 4).forEach((p) => (p.source = 'paper'));

  const cardRows: (typeof cards.$inferInsert)[] = [];
  const mailRows: (typeof mailMessages.$inferInsert)[] = [];
  const scanRows: (typeof cardScans.$inferInsert)[] = [];
  const revocations: (typeof cardRevocations.$inferInsert)[] = [];
  const answers: (typeof cardConfirmations.$inferInsert)[] = [];
  const verifications: (typeof cardVerifications.$inferInsert)[] = [];

  const site = (id: string) => {
    const w = context.worksites.find((s) => s.id === id);
    if (!w) throw new Error('unknown demo worksite');
    return { ...w, employerName: employerNames.get(w.employerId) ?? w.name };
  };

  /**
   * One card, and where it got to: `verified` (the story's supporters: e-cards confirmed from the
   * personal email on file, paper cards from the paper), `confirmed` (the signer said yes; no one
   * has verified it) or `submitted` (no answer yet).
   */
  function addCard(story: {
    educator: Educator | null;
    name: string;
    email: string | null;
    worksiteId: string;
    signedOn: string;
    source: 'electronic' | 'paper';
    state: 'verified' | 'confirmed' | 'submitted';
    /** The generator to draw times and phones from (the shared one unless told). */
    rng?: Random;
  }): string {
    const input = { ...story, signedOn: calendar.date(story.signedOn) };
    const random = story.rng ?? context.random;
    const w = site(input.worksiteId);
    // Evenings, Los Angeles time (UTC−7 in spring): teachers sign after school.
    const signedAt = input.source === 'electronic' ? new Date(`${input.signedOn}T${String(random.int(15, 22)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00-07:00`) : null;
    const content: CardContent = {
      id: randomUUID(),
      campaignId: context.campaignId,
      cardTextId: text.id,
      cardTextVersion: text.version,
      cardText: renderCardText(DEMO_CARD_BODY, w.employerName),
      employerName: w.employerName,
      worksiteId: w.id,
      worksiteName: w.name,
      signerName: input.name,
      email: input.email,
      phone: `(323) 555-${String(random.int(1000, 9999))}`,
      jobTitle: random.next() < 0.1 ? 'Counselor' : 'Teacher',
      employeeId: null,
      signedOn: input.signedOn,
      signedAt,
      source: input.source,
      typedSignature: input.source === 'electronic' ? input.name : null,
      ip: input.source === 'electronic' ? `198.51.100.${random.int(2, 254)}` : null,
      userAgent: input.source === 'electronic' ? 'Mozilla/5.0 (demo)' : null,
    };
    const contentHash = hashCard(content);
    let confirmationMailId: string | null = null;
    const token = content.email ? createConfirmationToken() : null;
    const at = signedAt ?? new Date(`${input.signedOn}T23:00:00-07:00`);
    if (content.email && token) {
      const message = confirmationMessage({ campaignName }, { ...content, contentHash }, 'en', confirmationUrl(DEMO_PUBLIC_URL, { slug: DEMO_SLUG }, token.token));
      confirmationMailId = randomUUID();
      mailRows.push({ id: confirmationMailId, campaignId: context.campaignId, kind: 'card_confirmation', toAddress: content.email, subject: message.subject, textBody: message.text, transport: 'outbox', createdAt: at });
    }
    // Signers answer the link within the hour (the shared generator is left alone: later steps
    // draw from it); a "yes" from the personal email on file verifies the card at once, as the
    // application does.
    const answeredAt = new Date(at.getTime() + 20 * 60_000);
    if (content.email && input.state !== 'submitted') answers.push({ cardId: content.id, campaignId: context.campaignId, answer: 'signed', method: 'link', answeredAt });
    if (input.educator && input.state === 'verified') {
      const fromPaper = input.source === 'paper';
      verifications.push({ cardId: content.id, campaignId: context.campaignId, legacyPersonId: input.educator.id, method: fromPaper ? 'paper_entry' : 'personal_contact_on_file', verifiedAt: fromPaper ? at : answeredAt });
    }
    cardRows.push({
      ...content,
      contentHash,
      confirmationMailId,
      confirmationTokenHash: token?.hash ?? null,
      // The demo writes the link in clear, like a database from before decision 0028: the app
      // keys it at its next start (upgradePersonLinks), and counts it meanwhile.
      legacyPersonId: input.educator?.id ?? null,
      matchStatus: input.educator ? 'matched' : 'unmatched',
      matchMethod: input.educator ? (input.source === 'paper' ? 'name_school' : 'email') : null,
      createdAt: signedAt ?? new Date(`${input.signedOn}T23:00:00-07:00`),
    });
    if (input.source === 'paper') scanRows.push({ cardId: content.id, campaignId: context.campaignId, filename: `paper-card-${scanRows.length + 1}.pdf`, contentType: 'application/pdf', byteSize: demoScan.length, sha256: createHash('sha256').update(demoScan).digest('hex'), bytes: demoScan });
    return content.id;
  }

  for (const p of plans) {
    const name = `${p.educator.givenName} ${p.educator.familyName}`;
    addCard({ educator: p.educator, name, email: p.source === 'paper' ? null : p.educator.personalEmail, worksiteId: p.educator.worksiteId, signedOn: p.signedOn, source: p.source, state: 'verified' });
  }
  // One supporter signed again in June (it still counts once).
  const again = plans.find((p) => p.source === 'electronic' && p.signedOn < '2015-04-01');
  if (again) addCard({ educator: again.educator, name: `${again.educator.givenName} ${again.educator.familyName}`, email: again.educator.personalEmail, worksiteId: again.educator.worksiteId, signedOn: '2015-06-02', source: 'electronic', state: 'verified' });
  // Two signed in May and withdrew in early June, after a one-on-one with their principal.
  const others = leftOver.filter((e) => e.worksiteId !== largest.site.id);
  for (const educator of others.slice(0, 2)) {
    const id = addCard({ educator, name: `${educator.givenName} ${educator.familyName}`, email: educator.personalEmail, worksiteId: educator.worksiteId, signedOn: addDays('2015-05-04', random.int(0, 10)), source: 'electronic', state: 'verified' });
    revocations.push({ cardId: id, campaignId: context.campaignId, effectiveOn: calendar.date(addDays('2015-06-01', random.int(0, 5))), reason: 'Asked in writing to withdraw the card.', createdAt: calendar.instant('2015-06-08T18:00:00Z') });
  }
  // Cards from the last days of the story that do not count yet: three signers have not answered
  // their confirmation, two answered "yes" from an address that is not on file (an organizer must
  // verify them). They signed with new personal addresses, as a forger would: nothing moves.
  others.slice(2, 7).forEach((educator, i) => {
    const email = `${educator.givenName}.${educator.familyName}.${i + 1}@newmail.example`.toLowerCase().replace(/[^a-z0-9.@]/gu, '');
    addCard({ educator, name: `${educator.givenName} ${educator.familyName}`, email, worksiteId: educator.worksiteId, signedOn: addDays('2015-06-10', i), source: 'electronic', state: i < 3 ? 'submitted' : 'confirmed', rng: waitingRandom });
  });
  // Two cards that match no one: a nickname and a name the roster spells differently.
  const reviewSchool = juneSchools[3]?.site ?? largest.site;
  addCard({ educator: null, name: 'Bobbie Q. Lindqvist-Soto', email: 'bobbie.ls@mail.example', worksiteId: reviewSchool.id, signedOn: '2015-05-19', source: 'electronic', state: 'submitted' });
  addCard({ educator: null, name: 'Thuy Nguyen-Patel', email: 'tnp.teach@mail.example', worksiteId: reviewSchool.id, signedOn: '2015-06-03', source: 'electronic', state: 'confirmed' });

  await db.transaction(async (tx) => {
    if (mailRows.length > 0) await tx.insert(mailMessages).values(mailRows);
    await tx.insert(cards).values(cardRows);
    if (scanRows.length > 0) await tx.insert(cardScans).values(scanRows);
    if (revocations.length > 0) await tx.insert(cardRevocations).values(revocations);
    if (answers.length > 0) await tx.insert(cardConfirmations).values(answers);
    if (verifications.length > 0) await tx.insert(cardVerifications).values(verifications);
    // The newsletters' numbers, published as they tell them: "146 educators at 21 schools".
    await tx.update(campaigns).set({ publicNumbersGranularity: 1 }).where(eq(campaigns.id, context.campaignId));
    const june = DEMO_STORY.june;
    await tx.insert(publicNumberPublications).values({
      campaignId: context.campaignId,
      asOf: calendar.date(june.asOf),
      granularity: 1,
      educators: june.supporters,
      schools: june.schools,
      educatorsShown: june.supporters,
      schoolsShown: june.schools,
      automatic: false,
      publishedAt: calendar.instant('2015-06-15T19:00:00Z'),
    });
  });
}

demoSteps.push({ name: 'support cards', load: loadDemoCards });
