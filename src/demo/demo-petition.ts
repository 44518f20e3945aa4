import { randomUUID } from 'node:crypto';
import { petitionSignatures, petitions, type signerRelationships } from '../db/schema/index.js';
import { cities, familyNames, givenNames } from './demo-names.js';
import { demoSteps, type DemoContext } from './load-demo.js';

export const DEMO_PETITION_SLUG = 'respect-our-choice';

const text = [
  'We are parents, students, alumni, neighbors and educators of the communities Meridian Public Schools serves.',
  'The teachers and counselors of Meridian are forming their union to have a real voice in the decisions that shape our schools: fair evaluations, the freedom to speak up for students, and keeping great educators in our classrooms.',
  'We ask the Board of Directors of Meridian Public Schools to respect their choice: stop the anti-union campaign, stay neutral, and agree to a fair process.',
].join('\n\n');

const zips: readonly [string, string][] = [
  ['90001', 'Los Angeles'], ['90002', 'Los Angeles'], ['90003', 'Los Angeles'], ['90011', 'Los Angeles'], ['90037', 'Los Angeles'],
  ['90044', 'Los Angeles'], ['90255', 'Huntington Park'], ['90280', 'South Gate'], ['90301', 'Inglewood'], ['90262', 'Lynwood'],
];

const comments = [
  'Teachers who can speak up make better schools.',
  'My kids deserve teachers who stay.',
  'I was a Meridian student. My teachers changed my life; listen to them.',
  'Respect their choice.',
  'Stay neutral and let educators decide.',
  'Every worker has the right to organize.',
];

type Relationship = (typeof signerRelationships)[number];
const relationshipWeights: [Relationship, number][] = [['parent', 45], ['neighbor', 20], ['alumnus', 12], ['educator_elsewhere', 10], ['student', 8], ['other', 5]];

function pickRelationship(r: number): Relationship {
  let acc = 0;
  for (const [rel, w] of relationshipWeights) {
    acc += w / 100;
    if (r < acc) return rel;
  }
  return 'other';
}

// The story: the petition opens on April 20, 2015 and passes 2,000 signatures by mid-June. Most
// signers confirm within the hour; a few never do, and a handful of obvious bots wait for review.
// Times are drawn in 2015 and moved by the demo's calendar.
async function loadPetition(context: DemoContext): Promise<void> {
  const { db, random, calendar } = context;
  const [petition] = await db
    .insert(petitions)
    .values({
      campaignId: context.campaignId,
      slug: DEMO_PETITION_SLUG,
      title: 'Meridian: respect our educators’ choice to form a union',
      text,
      target: 'Board of Directors, Meridian Public Schools',
      goal: 2500,
      published: true,
      createdAt: calendar.instant('2015-04-18T17:00:00Z'),
      updatedAt: calendar.instant('2015-04-20T15:00:00Z'),
    })
    .returning();
  if (!petition) throw new Error('could not create the demo petition');

  const start = Date.parse('2015-04-20T15:00:00Z');
  const end = Date.parse('2015-06-19T23:00:00Z');
  const confirmed = 2140;
  const pending = 85;
  const held = 6;
  const rows: (typeof petitionSignatures.$inferInsert)[] = [];
  for (let i = 0; i < confirmed + pending + held; i++) {
    const given = random.pick(givenNames);
    const family = random.pick(familyNames);
    const [zip, city] = random.pick(zips);
    // Signatures come in waves after each newsletter and press event: a power curve bends it.
    const createdAt = calendar.instant(start + Math.pow(random.next(), 0.8) * (end - start));
    const kind = i < confirmed ? 'confirmed' : i < confirmed + pending ? 'pending' : 'held';
    rows.push({
      id: randomUUID(),
      petitionId: petition.id,
      givenName: kind === 'held' ? random.pick(['Xx', 'Best', 'Cheap', 'Win']) : given,
      familyName: kind === 'held' ? random.pick(['Offer', 'Deals', 'Prize']) : family,
      email: kind === 'held' ? `promo${i}@spam.example` : `${given}.${family}.${i}@mail.example`.toLowerCase(),
      postalCode: zip,
      city: random.next() < 0.85 ? city : random.pick(cities),
      relationship: pickRelationship(random.next()),
      comment: random.next() < 0.15 ? random.pick(comments) : null,
      showPublicly: kind === 'confirmed' && random.next() < 0.3,
      status: kind === 'confirmed' ? 'confirmed' : kind === 'pending' ? 'pending_confirmation' : 'held_for_review',
      holdReason: kind === 'held' ? random.pick(['honeypot', 'proof_of_work_missing', 'ip_rate']) : null,
      confirmationTokenHash: null,
      createdAt,
      confirmedAt: kind === 'confirmed' ? new Date(createdAt.getTime() + random.int(1, 240) * 60_000) : null,
      ipHash: null,
      source: random.next() < 0.1 ? 'osdi' : 'web',
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(petitionSignatures).values(rows.slice(i, i + 500));
  });
}

demoSteps.push({ name: 'petition', load: loadPetition });
