import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { systemRequester } from '../../src/domain/commands/requester.js';
import { sendDueNewsletters } from '../../src/domain/newsletters/send-due-newsletters.js';
import { startBenchApp } from '../support/app-server.js';
import { formatMs, formatRatio } from '../support/format.js';
import { measure, type Measurement } from '../support/load.js';
import type { Benchmark } from '../types.js';

// A newsletter to BENCH_NEWSLETTER_RECIPIENTS confirmed subscribers (100,000 by default) through the
// real send path (the schedule's sweep records one message per subscriber in one statement; the
// outbox delivers them over SMTP) into a local smtp-server sink, against a raw pooled nodemailer
// loop sending the same messages (same text, same HTML) to the same sink in the same run. While the
// app sends, GET / is measured (its p99 is held to 50 ms), and the process's RSS is sampled every
// 100 ms: a send that held a list of its recipients would show as a climb with the recipients.
// BENCH_NEWSLETTER_MINUTES caps the wait for the app's send (default 20): what was delivered by
// then gives the rate, and the figure says so.

function readCount(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

/** A sink that counts what it accepts and keeps nothing (100,000 messages would measure its memory). */
async function startCountingSink(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 200,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, count: () => received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const newsletterSendBenchmark: Benchmark = {
  name: 'newsletter-send',
  description: 'a newsletter to 100,000 subscribers through the real send path into an SMTP sink vs a raw pooled nodemailer loop to the same sink',
  async run(context) {
    const recipients = readCount('BENCH_NEWSLETTER_RECIPIENTS', 100_000);
    const capMs = readCount('BENCH_NEWSLETTER_MINUTES', 20) * 60_000;
    const sink = await startCountingSink();
    context.defer(() => sink.close());
    const app = await startBenchApp(context, { smtpUrl: sink.url, mailFrom: 'Bench <news@bench.example>' });
    const { services, database } = app.runtime;
    const campaign = await services.repositories.campaigns.create({ slug: 'bench', name: 'Bench campaign', isDefault: true });
    context.log(`newsletter-send: ${recipients.toLocaleString('en-US')} confirmed subscribers…`);
    await database.db.execute(sql`
      insert into newsletter_subscribers (campaign_id, email, lang, confirmed_at)
      select ${campaign.id}::uuid, 'reader-' || g || '@bench.example', 'en', now() from generate_series(1, ${recipients}::int) g`);
    const body = ['# Spring update', '', 'We reached **a majority** at Harbor and Eastside.', '', '| School | Signed |', '| --- | --- |', '| Harbor | 40 |', '', 'Read [the petition](https://example.org/p).'].join('\n');
    const newsletter = await services.repositories.newsletters.create({ campaignId: campaign.id, slug: 'spring-update', title: 'Spring update', bodyMarkdown: body, lang: 'en', status: 'published', publishAt: new Date(Date.now() - 60_000), sendAt: new Date(Date.now() - 1000) });

    // The page the public reads while the send runs, checked against its answer before.
    const home = await fetch(`${app.url}/`);
    const homeBody = await home.text();
    if (home.status !== 200) throw new Error(`GET / answered ${home.status}`);

    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    context.defer(() => clearInterval(sampler));

    context.log('  the app sends…');
    const started = performance.now();
    const sent = await services.execute(sendDueNewsletters, systemRequester('system'), { publicUrl: 'http://bench.example', secret: 'bench-secret-bench-secret-bench-secret' });
    if (sent !== 1) throw new Error(`the sweep sent ${sent} newsletters`);
    const recorded = performance.now() - started;
    services.mailer.kick();
    // GET / while the outbox delivers: light load (a few readers), long enough to span the send.
    const pageLoad = measure(`${app.url}/`, homeBody, { connections: 4, warmupSeconds: 0, durationSeconds: 20, rounds: 1 });
    let appDelivered = 0;
    let lastLog = performance.now();
    while (performance.now() - started < capMs) {
      appDelivered = sink.count();
      if (appDelivered >= recipients) break;
      if (performance.now() - lastLog > 30_000) {
        lastLog = performance.now();
        context.log(`    ${appDelivered.toLocaleString('en-US')} delivered after ${Math.round((lastLog - started) / 1000)} s`);
      }
      await sleep(200);
    }
    const appMs = performance.now() - started;
    clearInterval(sampler);
    const page: Measurement = await pageLoad;
    const capped = appDelivered < recipients;
    // At the cap, stop claiming more (what is left stays due) and let the sends under way finish.
    if (capped) await services.mailer.drain();
    else await services.mailer.idle();

    // The messages the app sent, for the raw loop to send the same bytes.
    const [sample] = (await services.repositories.mail.list(1, 'all')).filter((m) => m.newsletterId === newsletter.id);
    if (!sample) throw new Error('no recorded newsletter message');
    const shared = sample.bodyId ? await services.repositories.mail.findBody(sample.bodyId) : undefined;
    const html = shared ? shared.htmlBody.split(shared.linkMarker).join(sample.link ?? '') : '';

    context.log('  the raw pooled nodemailer loop sends…');
    const baselineCount = capped ? appDelivered : recipients;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(new URL(sink.url).port), secure: false, ignoreTLS: true, pool: true, maxConnections: 5 });
    context.defer(() => transport.close());
    const before = sink.count();
    const rawStarted = performance.now();
    const inFlight = new Set<Promise<unknown>>();
    for (let i = 1; i <= baselineCount; i++) {
      const p = transport.sendMail({ from: 'Bench <news@bench.example>', to: `reader-${i}@bench.example`, subject: sample.subject, text: sample.textBody, html, headers: sample.headers ?? {} }).finally(() => inFlight.delete(p));
      inFlight.add(p);
      // Bounded: the pool queues the rest, and a loop that held 100,000 promises would measure itself.
      if (inFlight.size >= 50) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const rawMs = performance.now() - rawStarted;
    if (sink.count() - before !== baselineCount) throw new Error(`the raw loop delivered ${sink.count() - before} of ${baselineCount}`);

    const appRate = (appDelivered / appMs) * 1000;
    const rawRate = (baselineCount / rawMs) * 1000;
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    const ratio = appRate / rawRate;
    return [
      {
        name: `newsletter send (${recipients.toLocaleString('en-US')} subscribers)`,
        value: `${Math.round(appRate).toLocaleString('en-US')} msg/s (${appDelivered.toLocaleString('en-US')} delivered in ${(appMs / 1000).toFixed(1)} s${capped ? `, stopped at the ${capMs / 60_000}-minute cap` : ''}; recorded in ${(recorded / 1000).toFixed(1)} s)`,
        comparison: `${formatRatio(appRate, rawRate)} raw pooled nodemailer ${Math.round(rawRate).toLocaleString('en-US')} msg/s`,
        goal: { text: '≥ 0.8× the raw loop', met: ratio >= 0.8 && !capped },
      },
      { name: '  GET / during the send (4 conns)', value: `p99 ${formatMs(page.p99Ms)}, ${Math.round(page.requestsPerSecond)} req/s`, goal: { text: 'p99 ≤ 50 ms', met: page.p99Ms <= 50 } },
      { name: '  process RSS during the send', value: `peak ${mb(peakRss)} (before ${mb(rssBefore)}, +${mb(peakRss - rssBefore)})` },
    ];
  },
};
