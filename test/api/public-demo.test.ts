import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/demo/demo-steps.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { AS_OF_THE_SEEDS } from '../support/demo-date.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.database.db, () => ({ tick: () => undefined, done: () => undefined }), AS_OF_THE_SEEDS);
});
afterAll(async () => t.close());

describe('the demo campaign’s public site', () => {
  it('has the seeds’ endorsements: 3 members of Congress, 7 state legislators, 4 neighborhood councils, dozens of organizations', async () => {
    const res = await t.agent().get('/endorsements');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('3 members of Congress');
    expect(res.body).toContain('7 state legislators');
    expect(res.body).toContain('4 neighborhood councils');
    expect(res.body).toContain('Educators of Crestline Charter Network');
    const organizations = Number(/(\d+) community organizations/.exec(res.body)?.[1]);
    expect(organizations).toBeGreaterThanOrEqual(20);
    expect(res.body).not.toContain('Irene Castellano');

    const href = /href="(\/endorsements\/documents\/([a-f0-9]{64}))"/.exec(res.body);
    expect(href).not.toBeNull();
    const pdf = await t.agent().get(href![1]!);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(href![2]);
  });

  it('has two newsletters dated like the seeds, press from three outlets and the press conference', async () => {
    const news = await t.agent().get('/news');
    expect(news.body).toContain('Meridian Admits Anti-Union Campaign in Memo');
    expect(news.body).toContain('April 24, 2015');
    expect(news.body).toContain('Celebrating 2014–2015 and Getting Ready for 2015–2016');
    const june = await t.agent().get('/news/celebrating-2014-2015-and-getting-ready-for-2015-2016');
    expect(june.body).toContain('<strong>67 educators at 7 schools to 146 at 21 schools</strong>');
    const press = await t.agent().get('/press');
    for (const outlet of ['The Harbor Ledger', 'Valley Evening News', 'Southland Schools Report']) expect(press.body).toContain(outlet);
    const event = await t.agent().get('/events/press-conference-quarry-hill-2015-04-24');
    expect(event.statusCode).toBe(200);
    expect(event.body).toContain('This event has already taken place.');
    const home = await t.agent().get('/');
    expect(home.body).toContain('Meridian Educators United');
    expect(home.body).toContain('Celebrating 2014–2015');
  });
});
