import { addDays, instantOf } from '../domain/calendar.js';
import { createCommandRunner } from '../domain/commands/create-command-runner.js';
import { systemRequester } from '../domain/commands/requester.js';
import { addAgent } from '../domain/conduct/add-agent.js';
import { changeIncidentStatus } from '../domain/conduct/change-incident-status.js';
import { logIncident } from '../domain/conduct/log-incident.js';
import type { IncidentInput } from '../domain/conduct/prepare-incident-write.js';
import { uploadAttachment } from '../domain/conduct/upload-attachment.js';
import { renderDemoFactSheetPdf, renderDemoMemoPdf } from './demo-memo-pdf.js';
import { DEMO_SLUG, demoSteps, type DemoContext } from './load-demo.js';

// The employer's campaign as the seeds tell it (spring 2015), with invented people and documents:
// counsel's memo to principals, one-on-ones in principals' offices, the dues-cost pitch, alumni
// calling parents to sign against the union, organizers kept off campus on their own time, and the
// union newsletter blocked from staff email. Dates are the seeds', moved by the demo's calendar,
// in the records and inside the documents alike.

const text = (s: string): Buffer => Buffer.from(s, 'utf8');

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number): string => String(n).padStart(2, '0');

/** An email Date header at Los Angeles summer time (−0700), with the weekday of the moved date. */
function mailDate(instant: Date): string {
  const local = new Date(instant.getTime() - 7 * 3_600_000);
  return `${weekdays[local.getUTCDay()]}, ${local.getUTCDate()} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} -0700`;
}

async function loadConductDemo(context: DemoContext): Promise<void> {
  // The demo's clock runs with the story: each incident is recorded the day after it happened and
  // shared with counsel or charged a week later, so the history reads as it would have. The
  // records go through the same commands as the app's, as the system (their audit rows say so).
  const { calendar } = context;
  let clock = calendar.instant('2015-03-01T17:00:00Z');
  const commands = createCommandRunner({
    db: context.db,
    clock: () => clock,
    mail: {
      initialDelivery: () => {
        throw new Error('the employer-conduct demo sends no mail');
      },
      kick: () => undefined,
    },
    // Conduct records hold no encrypted field (decision 0025); a use of the keyring here is a bug.
    keyring: { cipher: () => Promise.reject(new Error('the employer-conduct demo encrypts nothing')), link: () => Promise.reject(new Error('the employer-conduct demo links no card')) },
  });
  const system = systemRequester('system');
  const slug = DEMO_SLUG;
  const site = (index: number) => {
    const s = context.worksites[index];
    if (!s) throw new Error(`demo worksite ${index} missing`);
    return s;
  };
  const educatorsAt = (index: number, count: number) =>
    context.educators
      .filter((e) => e.worksiteId === site(index).id)
      .slice(0, count)
      .map((e) => e.id);

  const agent = (name: string, role: 'principal' | 'administrator' | 'network_executive' | 'attorney' | 'consultant' | 'other', title: string, worksiteIndex: number | null) =>
    commands.execute(addAgent, system, { slug, name, role, title, worksiteId: worksiteIndex === null ? null : site(worksiteIndex).id }).then((r) => r.agent);

  const attorney = await agent('Graham Pellworth', 'attorney', 'Outside counsel, Pellworth & Kline LLP', null);
  const ceo = await agent('Renata Voss', 'network_executive', 'Chief Executive Officer, Meridian Public Schools', null);
  const hr = await agent('Curtis Albright', 'administrator', 'Director of Human Resources', null);
  const principalAlder = await agent('Dana Whitcomb', 'principal', 'Principal, Alder Street College Prep', 0);
  const principalBayview = await agent('Lionel Ashby', 'principal', 'Principal, Bayview Technology High', 1);
  const principalEastgate = await agent('Marisol Quintana-Reyes', 'principal', 'Principal, Eastgate Arts & Media High', 4);
  const consultant = await agent('Trent Halvorsen', 'consultant', 'Beacon Workplace Strategies', null);
  const alumniCaller = await agent('Alumni outreach volunteers', 'other', 'Recruited by the network office', null);

  const file = (filename: string, mediaType: string, description: string, content: Buffer) => commands.execute(uploadAttachment, system, { slug, filename, mediaType, description, content });
  const memo = await file(
    calendar.text('Pellworth memo to principals 2015-03-12.pdf'),
    'application/pdf',
    'Memo from network counsel to all principals, given to the committee by a school administrator',
    await renderDemoMemoPdf({ date: calendar.text('March 12, 2015') }),
  );
  const factSheet = await file('Meridian union fact sheet.pdf', 'application/pdf', 'Handed out in staff mailboxes at several schools', await renderDemoFactSheetPdf());
  const voicemail = await file(
    calendar.text('Voicemail transcript - parent call 2015-04-14.txt'),
    'text/plain',
    'Transcribed by the parent who received it',
    text(
      calendar.text('Voicemail left for a Cedar Hills Middle parent, April 14, 2015, 6:42 pm (transcribed by the parent):\n\n') +
        '"Hi, this is a Meridian graduate calling on behalf of the school community. Some teachers are trying to bring in an outside union, ' +
        'and we think that would hurt the school. We are asking parents to sign a petition supporting Meridian staying the way it is. ' +
        'You can sign at the front office this week. Thanks!"\n',
    ),
  );
  const bounce = await file(
    'Bounced newsletter - delivery report.eml',
    'message/rfc822',
    'Delivery failure report received when the newsletter was sent to staff addresses',
    text(
      `From: Mail Delivery System <postmaster@meridianschools.example>\r\nTo: newsletter@meridianeducators.example\r\nDate: ${mailDate(calendar.instant('2015-05-06T16:05:12-07:00'))}\r\n` +
        'Subject: Undeliverable: Meridian Educators United - May newsletter\r\n\r\n' +
        'Your message to 812 recipients at meridianschools.example was rejected.\r\nReason: 550 5.7.1 Message blocked by organization policy (sender domain on block list).\r\n',
    ),
  );

  const base = { occurredTime: null, description: '', worksiteIds: [], agentIds: [], witnessIds: [], attachmentIds: [], quotes: [], reportedBy: null } satisfies Partial<IncidentInput>;
  // `occurredOn` is the seeds' date; it is moved here.
  const log = async (story: Omit<IncidentInput, keyof typeof base> & Partial<IncidentInput>, status?: { status: 'shared_with_counsel' | 'charge_filed'; chargeNumber?: string }) => {
    const input = { ...story, occurredOn: calendar.date(story.occurredOn) };
    // 17:00 UTC: mid-morning in Los Angeles, the day after, then a week later.
    clock = instantOf(addDays(input.occurredOn, 1), '17:00', 'UTC');
    const incident = await commands.execute(logIncident, system, { slug, ...base, ...input });
    clock = instantOf(addDays(input.occurredOn, 8), '17:00', 'UTC');
    if (status) {
      const note = status.status === 'charge_filed' ? 'Unfair practice charge filed with the regional office' : 'Sent to counsel with the documents';
      await commands.execute(changeIncidentStatus, system, { slug, incidentId: incident.id, status: status.status, chargeNumber: status.chargeNumber ?? null, note });
    }
    return incident;
  };

  const reporterAlder = educatorsAt(0, 1)[0] ?? null;

  await log(
    {
      occurredOn: '2015-03-12',
      kind: 'one_on_one_pressure',
      title: 'Network counsel’s memo tells principals to work teachers one by one against the union',
      description:
        'A ten-page memorandum from the network’s outside counsel to every principal lays out an anti-union campaign: private one-on-one conversations with each teacher, a list of who seems supportive, the cost of dues as a talking point, early outreach to parent leaders, and a goal of no union at all. A school administrator gave a copy to the organizing committee in April.',
      agentIds: [attorney.id, ceo.id],
      attachmentIds: [memo.id],
      quotes: [
        { text: 'Principals hold individual conversations with each teacher rather than rely on staff meetings.', speakerAgentId: attorney.id, source: 'Memo to principals', attachmentId: memo.id, pageFrom: 2, pageTo: null },
        { text: 'You might say that you were surprised to learn the dues could come to … roughly seven hundred [dollars a year].', speakerAgentId: attorney.id, source: 'Memo to principals', attachmentId: memo.id, pageFrom: 6, pageTo: 7 },
        { text: 'We suggest contacting parent leaders at each school soon.', speakerAgentId: attorney.id, source: 'Memo to principals', attachmentId: memo.id, pageFrom: 8, pageTo: null },
        { text: 'Principals should say, early and often, that the network is doing everything it can to stop this effort.', speakerAgentId: attorney.id, source: 'Memo to principals', attachmentId: memo.id, pageFrom: 9, pageTo: null },
        { text: 'Be clear that the aim is to keep Meridian schools union-free.', speakerAgentId: attorney.id, source: 'Memo to principals', attachmentId: memo.id, pageFrom: 9, pageTo: null },
      ],
    },
    { status: 'shared_with_counsel' },
  );

  await log({
    occurredOn: '2015-03-24',
    occurredTime: '15:40',
    kind: 'one_on_one_pressure',
    title: 'Principal calls teachers into her office one at a time after school',
    description: 'Four teachers were asked to stop by the principal’s office after dismissal. Each was asked how they felt about “the union effort” and told the principal would take it personally.',
    worksiteIds: [site(0).id],
    agentIds: [principalAlder.id],
    witnessIds: educatorsAt(0, 3),
    quotes: [{ text: 'I’m not telling you how to vote, but I’d like to know where you are on this.', speakerAgentId: principalAlder.id, source: 'Said to a teacher in the principal’s office', attachmentId: null, pageFrom: null, pageTo: null }],
    reportedBy: reporterAlder ? { type: 'person', id: reporterAlder } : null,
  });

  await log({
    occurredOn: '2015-04-02',
    occurredTime: '12:15',
    kind: 'one_on_one_pressure',
    title: 'The dues-cost pitch, word for word from the memo',
    description: 'During a lunch-period check-in, the principal raised union dues with a second-year teacher who had mentioned student loans.',
    worksiteIds: [site(1).id],
    agentIds: [principalBayview.id],
    witnessIds: educatorsAt(1, 1),
    attachmentIds: [memo.id],
    quotes: [
      { text: 'Honestly, I was amazed when I found out the dues could be around seven hundred dollars a year.', speakerAgentId: principalBayview.id, source: 'Said to a teacher during lunch', attachmentId: null, pageFrom: null, pageTo: null },
      { text: 'The same talking point, as counsel scripted it.', speakerAgentId: null, source: 'Compare: memo to principals', attachmentId: memo.id, pageFrom: 6, pageTo: 7 },
    ],
  });

  await log({
    occurredOn: '2015-04-14',
    occurredTime: '18:42',
    kind: 'soliciting_parents',
    title: 'Alumni call parents asking them to sign an anti-union petition',
    description: 'Parents at two schools received calls and voicemails from graduates asking them to sign a petition against the union at the front office. Parents told teachers the callers said the network office had given them the list.',
    worksiteIds: [site(2).id, site(7).id],
    agentIds: [alumniCaller.id, ceo.id],
    witnessIds: [...educatorsAt(2, 1), ...educatorsAt(7, 1)],
    attachmentIds: [voicemail.id],
    quotes: [{ text: 'We are asking parents to sign a petition supporting Meridian staying the way it is.', speakerAgentId: alumniCaller.id, source: 'Voicemail to a parent', attachmentId: voicemail.id, pageFrom: null, pageTo: null }],
  });

  await log(
    {
      occurredOn: '2015-04-28',
      occurredTime: '12:05',
      kind: 'denial_of_access',
      title: 'Union organizers turned away from campus during teachers’ lunch',
      description: 'Two union staff organizers, invited by teachers to meet in the staff lunch room during the duty-free lunch, were told by the principal to leave and escorted to the gate. Other visitors were on campus at the time.',
      worksiteIds: [site(4).id],
      agentIds: [principalEastgate.id, hr.id],
      witnessIds: educatorsAt(4, 2),
      quotes: [{ text: 'Network policy: no union business on campus, period.', speakerAgentId: principalEastgate.id, source: 'Said at the front gate', attachmentId: null, pageFrom: null, pageTo: null }],
    },
    { status: 'charge_filed', chargeNumber: 'LA-CE-6140-E' },
  );

  await log(
    {
      occurredOn: '2015-05-06',
      occurredTime: '16:05',
      kind: 'blocking_email',
      title: 'Union newsletter blocked from staff email addresses',
      description: 'The May newsletter to educators’ school addresses bounced for every recipient: the network’s mail system now rejects the union’s domain. Other outside newsletters still arrive.',
      agentIds: [hr.id],
      attachmentIds: [bounce.id],
      quotes: [{ text: '550 5.7.1 Message blocked by organization policy (sender domain on block list).', speakerAgentId: null, source: 'Delivery failure report', attachmentId: bounce.id, pageFrom: null, pageTo: null }],
    },
    { status: 'shared_with_counsel' },
  );

  await log({
    occurredOn: '2015-05-19',
    occurredTime: '15:30',
    kind: 'captive_audience',
    title: 'Mandatory after-school meeting with an outside consultant',
    description: 'All certificated staff were required to attend a 90-minute “information session” on unions led by an outside consultant. Attendance was taken.',
    worksiteIds: [site(10).id],
    agentIds: [consultant.id],
    witnessIds: educatorsAt(10, 2),
    quotes: [{ text: 'Once you sign that card, you have handed your voice to people who have never set foot in this school.', speakerAgentId: consultant.id, source: 'Said to the assembled staff', attachmentId: null, pageFrom: null, pageTo: null }],
  });

  await log({
    occurredOn: '2015-06-03',
    kind: 'misleading_literature',
    title: '“Fact sheet” with false claims left in every staff mailbox',
    description: 'A one-page flyer claims, among other things, that dues are taken from non-members and that principals would be forbidden to speak with teachers under a contract.',
    worksiteIds: [site(0).id, site(1).id, site(4).id],
    agentIds: [ceo.id],
    attachmentIds: [factSheet.id],
    quotes: [{ text: 'Your principal will no longer be allowed to talk with you directly.', speakerAgentId: null, source: 'Flyer', attachmentId: factSheet.id, pageFrom: 1, pageTo: null }],
  });
}

demoSteps.push({ name: 'employer conduct', load: loadConductDemo });
