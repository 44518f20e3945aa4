import { createHash } from 'node:crypto';
import type { endorsementLevels } from '../db/schema/public-site.js';
import { endorsementDocuments, endorsements, eventRsvps, events, newsletters, pressItems } from '../db/schema/index.js';
import { createDemoPdf } from './demo-pdf.js';
import { campaignName, networkName } from './demo-names.js';
import { demoSteps, type DemoContext } from './load-demo.js';
import type { StoryCalendar } from './story-calendar.js';

type Level = (typeof endorsementLevels)[number];
type DemoEndorsement = { name: string; kind: 'person' | 'organization'; title?: string; level: Level; on: string; quote?: string; letter?: string[] };

// Fictional throughout: no real official, outlet, school or organization is named.
const officials: DemoEndorsement[] = [
  { name: 'Rep. Marisol Ventura', kind: 'person', title: 'Member of Congress', level: 'congress', on: '2015-04-22', quote: 'Educators who stand together for their students deserve a fair and neutral process, free of pressure.', letter: ['I write in support of the educators of Meridian Public Schools', 'and their right to decide on a union without interference.'] },
  { name: 'Rep. Theodore Achebe', kind: 'person', title: 'Member of Congress', level: 'congress', on: '2015-05-06', quote: 'The right to organize is not a threat to a school’s mission. It is part of a healthy school.', letter: ['Teachers and counselors at Meridian have asked for respect.', 'I urge Meridian to remain neutral and let them choose.'] },
  { name: 'Rep. Helen Kowalczyk', kind: 'person', title: 'Member of Congress', level: 'congress', on: '2015-05-28', letter: ['A letter of support for Meridian Educators United.'] },
  { name: 'Sen. Ramón Estrada-Lee', kind: 'person', title: 'State Senator', level: 'state_senate', on: '2015-04-23', quote: 'Let the educators decide, without a campaign of fear.' },
  { name: 'Sen. Patricia Holloway', kind: 'person', title: 'State Senator', level: 'state_senate', on: '2015-05-02' },
  { name: 'Sen. David Nakashima', kind: 'person', title: 'State Senator', level: 'state_senate', on: '2015-05-19' },
  { name: 'Asm. Lucía Barrientos', kind: 'person', title: 'Assemblymember', level: 'state_assembly', on: '2015-04-24', quote: 'I stood with these educators on the steps of their school, and I stand with them now.' },
  { name: 'Asm. Gregory Fontaine', kind: 'person', title: 'Assemblymember', level: 'state_assembly', on: '2015-05-04' },
  { name: 'Asm. Nia Oduya', kind: 'person', title: 'Assemblymember', level: 'state_assembly', on: '2015-05-15' },
  { name: 'Asm. Carlos Medrano', kind: 'person', title: 'Assemblymember', level: 'state_assembly', on: '2015-06-01' },
];

const councils: DemoEndorsement[] = [
  { name: 'Larkspur Heights Neighborhood Council', kind: 'organization', level: 'neighborhood_council', on: '2015-05-12', quote: 'Resolved: that this council supports the right of Meridian educators to organize without interference.', letter: ['Resolution in support of Meridian educators', 'Adopted by the board at its regular meeting.'] },
  { name: 'Eastgate Neighborhood Council', kind: 'organization', level: 'neighborhood_council', on: '2015-05-14', letter: ['Resolution in support of the right to organize', 'Adopted unanimously.'] },
  { name: 'Sycamore Grove Neighborhood Council', kind: 'organization', level: 'neighborhood_council', on: '2015-05-27', letter: ['Resolution calling for a fair and neutral process at Meridian schools.'] },
  { name: 'Vista Verde Neighborhood Council', kind: 'organization', level: 'neighborhood_council', on: '2015-06-09', letter: ['Resolution supporting Meridian Educators United.'] },
];

const places = ['Eastgate', 'Larkspur Heights', 'Sycamore Grove', 'Vista Verde', 'Quarry Hill', 'Juniper Heights', 'Willowbrook', 'Magnolia Park', 'Alder Street', 'Iris Lane'];
const orgKinds: { suffix: string; level: Level }[] = [
  { suffix: 'Tenants Association', level: 'community_organization' },
  { suffix: 'Youth Center', level: 'community_organization' },
  { suffix: 'Community Coalition', level: 'community_organization' },
  { suffix: 'Immigrant Rights Network', level: 'community_organization' },
  { suffix: 'Literacy Project', level: 'community_organization' },
  { suffix: 'Parents for Public Schools', level: 'parent_group' },
  { suffix: 'Interfaith Council', level: 'faith_group' },
];

function communityOrganizations(): DemoEndorsement[] {
  const list: DemoEndorsement[] = [];
  places.forEach((place, p) => {
    orgKinds.forEach((k, i) => {
      // About three dozen: every place has a few, none has all. April to June 19: the story is over
      // by June 20, the earliest day a demo of the same year can be loaded.
      const month = 4 + ((p + i) % 3);
      if ((p + i) % 2 === 0) list.push({ name: `${place} ${k.suffix}`, kind: 'organization', level: k.level, on: `2015-0${month}-${String(10 + ((p * 3 + i) % (month === 6 ? 10 : 18))).padStart(2, '0')}` });
    });
  });
  list.push({ name: 'Southland Education Workers Council', kind: 'organization', level: 'union', on: '2015-04-20', quote: 'An injury to one is an injury to all: we stand with Meridian educators.' });
  list.push({ name: 'Harborview Nurses Association', kind: 'organization', level: 'union', on: '2015-05-08' });
  return list;
}

const otherNetwork: DemoEndorsement = {
  name: 'Educators of Crestline Charter Network',
  kind: 'organization',
  title: 'Letter signed by teachers and counselors at 9 Crestline schools',
  level: 'educators',
  on: '2015-06-15',
  quote: 'We organized our union at Crestline, and our schools are better for it. We stand with you.',
  letter: ['To our colleagues at Meridian Public Schools:', 'We bargain as equals with our school leaders, and our students benefit.', 'You have the same right. We are with you.'],
};

const aprilNewsletter = `When we began organizing, Meridian's leadership told us it would respect whatever we decided about a union. We believed that promise. We expected to make this choice ourselves, free of pressure.

This month we learned otherwise. A memo from Meridian's law firm to our principals lays out how to talk us out of a union: meet with teachers one on one, steer those conversations toward the cost of dues, tell staff often that the administration is working to stop us, and encourage the colleagues who oppose the union to speak up.

The memo goes further. It asks principals to reach parent leaders early, before parents hear from us, because parents tend to side with their children's teachers.

## What this means

A campaign coordinated from the central office is not neutrality. It is an effort to decide for us. We are the educators in these classrooms, and this decision belongs to us.

## This morning

We held a press conference in front of Quarry Hill High School with elected leaders, community allies, a Meridian parent and a graduate from one of our first classes. Together we asked Meridian to keep its word and let educators decide.

We are organizing to make our schools better places to learn and fairer places to work. We will keep going, and we invite Meridian to trust our judgment.

— ${campaignName}`;

const juneNewsletter = `Since we began organizing our union at ${networkName}, our support has grown from **67 educators at 7 schools to 146 at 21 schools**.

We are organizing for a real voice in the decisions that shape our schools: respect for our professional judgment, fair evaluations, the freedom to speak up for our students without fear, and schools that keep and attract great educators.

## Our community stands with us

- Letters of support from dozens of community organizations and elected officials, among them 3 members of Congress and 7 members of the State Senate and Assembly
- Resolutions from 4 neighborhood councils
- Coverage in the *Harbor Ledger*, the *Valley Evening News* and the *Southland Schools Report*
- More than 2,000 signatures on our community petition
- A letter of solidarity from educators at the Crestline Charter Network

## What we faced this year

Meridian spent the spring trying to change our minds: handouts that left out the facts, calls urging parents to oppose us, "focus groups" that kept every decision in the central office, meetings with principals one on one and in groups, and denying our union access to campuses and to our newsletter by email.

## What comes next

Educators at dozens of charter schools in our city bargain as equals with their school leaders. We can too. Over the summer we will keep talking with colleagues, and in the fall we will be ready to take the next step together.

We ask Meridian to respect us as professionals, end its campaign against our union, and agree to a fair and neutral process.

Have a restful summer,

— ${campaignName}`;

const releaseApril = `**For immediate release — April 24, 2015**

Teachers and counselors at Meridian Public Schools gathered this morning in front of Quarry Hill High School with elected officials, parents and alumni to call on Meridian to honor its promise of neutrality, after an internal memo advised principals on how to discourage educators from forming a union.

"We are asking for one thing: let us decide," said a Quarry Hill teacher and member of the organizing committee.`;

const releaseJune = `**For immediate release — June 18, 2015**

Support for Meridian Educators United has more than doubled this spring: 146 educators at 21 schools now support forming a union, up from 67 at 7 schools. Three members of Congress, seven state legislators and four neighborhood councils have endorsed the campaign.`;

const weekday = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

type UpcomingEvent = { event: Omit<typeof events.$inferInsert, 'campaignId'>; rsvps: string[] };

/**
 * Not the story: what comes next, relative to the day the demo is loaded, so that a new user sees
 * upcoming events on the home page and the events page. A weekday-evening community meeting about
 * ten days out, and a Saturday-morning rally about three weeks out.
 */
function upcomingEvents(calendar: StoryCalendar): UpcomingEvent[] {
  const inDays = (days: number): string => new Date(Date.parse(`${calendar.today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const meetingDays = 10 + (weekday(inDays(10)) === 6 ? 2 : weekday(inDays(10)) === 0 ? 1 : 0);
  const rallyDays = 18 + ((6 - weekday(inDays(18)) + 7) % 7);
  const meetingStarts = calendar.daysFromToday(meetingDays, '18:30');
  const rallyStarts = calendar.daysFromToday(rallyDays, '10:00');
  // Announced a few days before the demo was loaded.
  const announced = new Date(calendar.now.getTime() - 3 * 86_400_000);
  return [
    {
      event: {
        slug: 'community-meeting-larkspur-heights',
        kind: 'meeting',
        title: 'Community meeting: our schools, our voice',
        description:
          'Parents, students and neighbors meet Meridian educators to talk about what a union would mean for our schools and how to support a fair process. Spanish interpretation, childcare and dinner provided. Habrá interpretación al español, cuidado de niños y cena.',
        location: 'Larkspur Heights Community Center',
        startsAt: meetingStarts,
        endsAt: new Date(meetingStarts.getTime() + 90 * 60_000),
        isPublic: true,
        rsvpOpen: true,
        createdAt: announced,
        updatedAt: announced,
      },
      rsvps: ['Leticia Paredes', 'Marcus Oyelaran', 'Mei Castañeda', 'Rafael Dunmore', 'Teresa Villanueva'],
    },
    {
      event: {
        slug: 'rally-juniper-heights-park',
        kind: 'rally',
        title: 'Rally: let Meridian educators decide',
        description: 'Educators, families and community allies gather at the park, then walk together to the network office to deliver the community petition. Bring your family, your neighbors and a sign.',
        location: 'Juniper Heights Park, by the bandstand',
        startsAt: rallyStarts,
        endsAt: new Date(rallyStarts.getTime() + 2 * 3_600_000),
        isPublic: true,
        rsvpOpen: true,
        createdAt: announced,
        updatedAt: announced,
      },
      rsvps: ['Imani Solberg', 'Diego Harwood', 'Nadia Quiroga'],
    },
  ];
}

// The seeds' public side of the story (dated 2015 here, moved by the demo's calendar: dates,
// times, slugs, URLs and the years written in the texts), plus upcoming events.
async function loadPublicContent(context: DemoContext): Promise<void> {
  const { db, campaignId, calendar } = context;
  // Written a little before it went public.
  const stamps = (at: Date) => ({ createdAt: new Date(at.getTime() - 2 * 3_600_000), updatedAt: at });
  const onDay = (iso: string) => calendar.instant(`${iso}T17:00:00Z`);
  await db.transaction(async (tx) => {
    const all = [...officials, ...councils, ...communityOrganizations(), otherNetwork];
    for (const story of all) {
      const e = { ...story, on: calendar.date(story.on) };
      const [row] = await tx
        .insert(endorsements)
        .values({ campaignId, endorserName: e.name, endorserKind: e.kind, endorserTitle: e.title ?? '', level: e.level, endorsedOn: e.on, quote: e.quote ?? '', isPublic: true, ...stamps(onDay(story.on)) })
        .returning({ id: endorsements.id });
      if (!row) throw new Error('could not insert an endorsement');
      if (e.letter) {
        const bytes = createDemoPdf(e.name, [...e.letter, '', `Date: ${e.on}`]);
        const slug = e.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        await tx.insert(endorsementDocuments).values({ endorsementId: row.id, sha256: createHash('sha256').update(bytes).digest('hex'), filename: `${slug}.pdf`, contentType: 'application/pdf', size: bytes.length, bytes });
      }
    }
    // One not yet public: organizers see it in /app, the wall does not.
    await tx.insert(endorsements).values({ campaignId, endorserName: 'Councilmember Irene Castellano', endorserKind: 'person', endorserTitle: 'City Council, District 9', level: 'city_council', endorsedOn: calendar.date('2015-06-20'), isPublic: false, ...stamps(calendar.instant('2015-06-20T07:00:00Z')) });

    const storyNewsletters = [
      { slug: 'meridian-admits-anti-union-campaign-in-memo', title: 'Meridian Admits Anti-Union Campaign in Memo', summary: 'A memo from Meridian’s attorneys tells principals how to talk us out of a union. This morning we answered at a press conference with elected leaders, parents and alumni.', bodyMarkdown: aprilNewsletter, publishAt: '2015-04-24T19:00:00Z' },
      { slug: 'celebrating-2014-2015-and-getting-ready-for-2015-2016', title: 'Celebrating 2014–2015 and Getting Ready for 2015–2016', summary: 'From 67 educators at 7 schools to 146 at 21: a year of organizing, and what comes next.', bodyMarkdown: juneNewsletter, publishAt: '2015-06-19T17:00:00Z' },
    ];
    await tx.insert(newsletters).values(
      storyNewsletters.map((n) => {
        const publishAt = calendar.instant(n.publishAt);
        return { campaignId, slug: calendar.text(n.slug), title: calendar.text(n.title), summary: calendar.text(n.summary), bodyMarkdown: calendar.text(n.bodyMarkdown), status: 'published' as const, publishAt, ...stamps(publishAt) };
      }),
    );

    const storyPress: Omit<typeof pressItems.$inferInsert, 'campaignId'>[] = [
      { kind: 'release', headline: 'Meridian educators call on administration to honor its promise of neutrality', publishedOn: '2015-04-24', slug: 'educators-call-for-neutrality', bodyMarkdown: releaseApril },
      { kind: 'news', outlet: 'The Harbor Ledger', headline: 'Charter teachers say memo shows push against union', publishedOn: '2015-04-24', url: 'https://harborledger.example/2015/04/24/charter-teachers-memo' },
      { kind: 'broadcast', outlet: 'Valley Evening News', headline: 'Teachers rally outside Quarry Hill High', publishedOn: '2015-04-24', url: 'https://valleyeveningnews.example/video/teachers-rally-quarry-hill' },
      { kind: 'online', outlet: 'Southland Schools Report', headline: 'Inside the Meridian union drive', publishedOn: '2015-05-07', url: 'https://southlandschools.example/meridian-union-drive' },
      { kind: 'opinion', outlet: 'The Harbor Ledger', headline: 'Let Meridian’s teachers decide', publishedOn: '2015-05-21', url: 'https://harborledger.example/2015/05/21/opinion-let-teachers-decide' },
      { kind: 'online', outlet: 'Southland Schools Report', headline: 'Neighborhood councils back Meridian educators', publishedOn: '2015-06-10', url: 'https://southlandschools.example/councils-back-educators' },
      { kind: 'release', headline: 'Support for Meridian Educators United more than doubles', publishedOn: '2015-06-18', slug: 'support-more-than-doubles', bodyMarkdown: releaseJune },
    ];
    await tx.insert(pressItems).values(
      storyPress.map((item) => ({
        ...item,
        campaignId,
        publishedOn: calendar.date(item.publishedOn),
        url: item.url ? calendar.text(item.url) : item.url,
        bodyMarkdown: item.bodyMarkdown ? calendar.text(item.bodyMarkdown) : item.bodyMarkdown,
        ...stamps(onDay(item.publishedOn)),
      })),
    );

    const [pressConference] = await tx
      .insert(events)
      .values({
        campaignId,
        slug: calendar.text('press-conference-quarry-hill-2015-04-24'),
        kind: 'press_conference',
        title: 'Press conference: let educators decide',
        description: 'Educators, elected leaders, parents and alumni speak about the administration’s memo and call for a fair and neutral process.',
        location: 'In front of Quarry Hill High School',
        startsAt: calendar.instant('2015-04-24T16:00:00Z'),
        endsAt: calendar.instant('2015-04-24T17:00:00Z'),
        isPublic: true,
        rsvpOpen: false,
        ...stamps(calendar.instant('2015-04-21T17:00:00Z')),
      })
      .returning({ id: events.id });
    if (!pressConference) throw new Error('could not insert the press conference');
    const guests = ['Beatriz Lozano', 'Andre Whitfield', 'Keisha Tran', 'Omar Ibarra', 'Julia Sandoval', 'Samuel Brooks', 'Yesenia Marquez', 'Kenji Robles'];
    await tx.insert(eventRsvps).values(
      guests.map((name, i) => ({
        eventId: pressConference.id,
        name,
        email: `${name.toLowerCase().replace(' ', '.')}@community.example`,
        lang: i % 3 === 0 ? ('es' as const) : ('en' as const),
        checkedInAt: i % 4 === 3 ? null : calendar.instant('2015-04-24T15:55:00Z'),
        createdAt: calendar.instant(Date.parse('2015-04-22T01:00:00Z') + i * 3_600_000),
      })),
    );

    for (const { event, rsvps } of upcomingEvents(calendar)) {
      const [row] = await tx.insert(events).values({ ...event, campaignId }).returning({ id: events.id });
      if (!row) throw new Error('could not insert an upcoming event');
      await tx.insert(eventRsvps).values(
        rsvps.map((name, i) => ({
          eventId: row.id,
          name,
          email: `${name.toLowerCase().replace(' ', '.')}@community.example`,
          lang: i % 2 === 0 ? ('es' as const) : ('en' as const),
          createdAt: new Date(calendar.now.getTime() - (rsvps.length - i) * 7 * 3_600_000),
        })),
      );
    }
  });
}

demoSteps.push({ name: 'public content', load: loadPublicContent });
