// `npx tsx bench/people-list-1m.ts`: the people list at scale (issue 12). Builds 1,000,000 people at
// 1,000 worksites, 20,000 of them rated (keyed and sealed like the app's ratings, decision 0028) and
// 100,000 with a conversation, in a private embedded PostgreSQL, then measures
// GET /api/campaigns/:slug/people/list through the real app (app.inject: routing, session, policy,
// audit row, JSON) on a mix of filters and sorts, against the bare keyset query of the same first
// page, in the same run. Prints one line on stdout:
//   people-list (1M people): p95 X ms (Y× the bare keyset query's p95 Z ms)
// Progress and the p95 of each request of the mix go to stderr. Knobs: BENCH_PEOPLE (1000000),
// BENCH_WORKSITES (1000), BENCH_RATED (20000), BENCH_REQUESTS (40 per request of the mix).
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { hashPassword } from '../src/domain/accounts/passwords.js';
import type { PersonLink } from '../src/crypto/person-link.js';
import type { FieldCipher } from '../src/crypto/keyring.js';
import { buildApp } from '../src/http/build-app.js';
import { bootMillionRowRuntime, signInThroughApp } from './support/million-row-runtime.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const WORKSITES = Number(process.env.BENCH_WORKSITES ?? 1_000);
const RATED = Number(process.env.BENCH_RATED ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const SLUG = 'bench';
const PASSWORD = 'bench password, long enough';

const log = (m: string): void => void process.stderr.write(`${m}\n`);
const cleanups: Array<() => Promise<void> | void> = [];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

const pseudonym = (inner: string, outer: string, personId: string): string => `sha256(${outer}::bytea || sha256(${inner}::bytea || uuid_send(${personId})))`;

/** Everything but the sealed ids in SQL (generate_series); triggers and FK checks off for this session only. */
async function generate(pool: pg.Pool, link: PersonLink, cipher: FieldCipher, accountId: string): Promise<string> {
  const client = await pool.connect();
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  try {
    await q(`set session_replication_role = replica`);
    await q(`insert into campaigns (slug, name, goal_percent) values ($1, 'Benchmark campaign', 65)`, [SLUG]);
    const campaignId = ((await q(`select id from campaigns where slug = $1`, [SLUG])).rows[0] as { id: string }).id;
    await q(`insert into bargaining_units (campaign_id, name) values ($1, 'Certificated')`, [campaignId]);
    await timed(`${WORKSITES} worksites`, async () => {
      await q(`insert into employers (campaign_id, name) select $1, 'Employer ' || g from generate_series(1, $2) g`, [campaignId, WORKSITES]);
      await q(`insert into worksites (campaign_id, employer_id, name) select $1, e.id, 'School ' || lpad(row_number() over (order by e.name)::text, 5, '0') from employers e where e.campaign_id = $1`, [campaignId]);
    });
    const sites = `(select array_agg(id order by name) as a from worksites where campaign_id = $1)`;
    // Family names repeat (1 in 5,000), so the name order is not the insertion order.
    await timed(`${PEOPLE.toLocaleString('en-US')} people and employments`, async () => {
      await q(
        `insert into people (campaign_id, given_name, family_name, employee_id, phone)
         select $1, 'Given' || g, 'Family' || (hashtext(g::text) & 4095), 'E' || g, '555-' || lpad((g % 10000)::text, 4, '0') from generate_series(1, $2) g`,
        [campaignId, PEOPLE],
      );
      await q(
        `insert into employments (person_id, campaign_id, worksite_id, unit_id, job_title, start_date)
         select p.id, $1, ws.a[(substr(p.employee_id, 2)::int % $2) + 1], u.id, 'Teacher', date '2014-08-15'
         from people p cross join ${sites} ws cross join (select id from bargaining_units where campaign_id = $1) u where p.campaign_id = $1`,
        [campaignId, WORKSITES],
      );
    });
    await timed(`${RATED.toLocaleString('en-US')} ratings, keyed and sealed`, async () => {
      const { rows } = await q(`select id from people where campaign_id = $1 and substr(employee_id, 2)::int % $2 = 0 limit $3`, [campaignId, Math.max(1, Math.floor(PEOPLE / RATED)), RATED]);
      const ids = (rows as { id: string }[]).map((r) => r.id);
      for (let i = 0; i < ids.length; i += 5000) {
        const batch = ids.slice(i, i + 5000);
        await q(
          `insert into assessments (campaign_id, person_key, person_ref, level, assessed_by_account_id, assessed_by_name, assessed_at)
           select $1, ${pseudonym('$4', '$5', 'x.id')}, x.ref, (x.n % 5) + 1, $6, 'Bench Organizer', now() - interval '3 days'
           from unnest($2::uuid[], $3::text[]) with ordinality as x(id, ref, n)`,
          [campaignId, batch, batch.map((id) => cipher.encryptText(id)), link.innerPad, link.outerPad, accountId],
        );
      }
    });
    await timed(`${(PEOPLE / 10).toLocaleString('en-US')} conversations`, async () => {
      await q(
        `insert into conversations (campaign_id, person_id, organizer_account_id, organizer_name, channel, occurred_at, notes, next_step)
         select $1, p.id, $2, 'Bench Organizer', 'one_on_one', now() - (substr(p.employee_id, 2)::int % 90) * interval '1 day', '', ''
         from people p where p.campaign_id = $1 and substr(p.employee_id, 2)::int % 10 = 3`,
        [campaignId, accountId],
      );
    });
    await timed('analyze', () => q('analyze'));
    return campaignId;
  } finally {
    await q(`reset session_replication_role`).catch(() => undefined);
    client.release();
  }
}

async function main(): Promise<void> {
  const { config, runtime } = await bootMillionRowRuntime('people', cleanups, log);
  const pool = runtime.database.pool;
  const account = await runtime.services.repositories.accounts.create({ email: 'organizer@bench.example', name: 'Bench Organizer', passwordHash: await hashPassword(PASSWORD) });
  log('Generating the data…');
  const campaignId = await timed('total generation', async () => generate(pool, await runtime.services.keyring.link(), await runtime.services.keyring.cipher(), account.id));
  await pool.query(`insert into memberships (account_id, campaign_id, role) values ($1, $2, 'organizer')`, [account.id, campaignId]);
  // The benchmark signs in with a password alone, as the test harness does (decision 0026's requirement relaxed).
  await pool.query(`update second_factor_requirements set required = false`);
  const school = ((await pool.query(`select id from worksites where campaign_id = $1 order by name offset 17 limit 1`, [campaignId])).rows[0] as { id: string }).id;

  const app = await buildApp({ config, db: runtime.database.db, services: runtime.services, logger: false });
  cleanups.push(() => app.close());
  await app.ready();
  const cookie = await signInThroughApp(app, 'organizer@bench.example', PASSWORD);
  const base = `/api/campaigns/${SLUG}/people/list`;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return res.json() as { people: unknown[]; next: string | null };
  };
  const first = await get(`${base}?sort=name`);
  if (first.people.length !== 50 || !first.next) throw new Error('the first page is not a full page with a next one');
  const mix: Record<string, string> = {
    'sorted by name': `${base}?sort=name`,
    'the next page by name': `${base}?sort=name&after=${first.next}`,
    'one school, by name': `${base}?worksiteId=${school}&sort=name`,
    'name search': `${base}?search=given12345`,
    'rated 2, by name': `${base}?rating=2&sort=name`,
    'by rating': `${base}?sort=rating`,
    'one school, not talked to in 30 days': `${base}?worksiteId=${school}&lastContact=over_30_days`,
  };
  const bare = `
    select p.id, e.id, p.given_name, p.family_name, w.name from people p
    join employments e on e.person_id = p.id and e.start_date <= current_date and (e.end_date is null or e.end_date >= current_date)
    join worksites w on w.id = e.worksite_id
    where p.campaign_id = $1 order by p.family_name, p.given_name, p.id, e.id limit 51`;

  for (const url of Object.values(mix)) for (let i = 0; i < 3; i++) await get(url);
  const appSamples: number[] = [];
  const bareSamples: number[] = [];
  const perRequest: Record<string, number[]> = {};
  log(`Measuring ${REQUESTS} rounds of the ${Object.keys(mix).length}-request mix, and the bare keyset query…`);
  for (let round = 0; round < REQUESTS; round++) {
    for (const [name, url] of Object.entries(mix)) {
      const start = performance.now();
      await get(url);
      const took = performance.now() - start;
      appSamples.push(took);
      (perRequest[name] ??= []).push(took);
    }
    const start = performance.now();
    await pool.query(bare, [campaignId]);
    bareSamples.push(performance.now() - start);
  }
  for (const [name, samples] of Object.entries(perRequest)) log(`  ${name}: p50 ${ms(percentile(samples, 50))} ms, p95 ${ms(percentile(samples, 95))} ms`);
  const appP95 = percentile(appSamples, 95);
  const bareP95 = percentile(bareSamples, 95);
  const size = PEOPLE >= 1_000_000 ? `${PEOPLE / 1_000_000}M` : `${Math.round(PEOPLE / 1000)}k`;
  process.stdout.write(`people-list (${size} people): p95 ${ms(appP95)} ms (${(appP95 / bareP95).toFixed(1)}× the bare keyset query's p95 ${ms(bareP95)} ms)\n`);
}

async function cleanUp(): Promise<void> {
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    while (cleanups.length > 0) {
      try {
        await cleanups.pop()?.();
      } catch (err) {
        log(`clean-up failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    clearInterval(keepAlive);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

const started = performance.now();
try {
  await main();
  process.exitCode = 0;
} catch (err) {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
} finally {
  await cleanUp();
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
setTimeout(() => process.exit(process.exitCode ?? 0), 3000).unref();
