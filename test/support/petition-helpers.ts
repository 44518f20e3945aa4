import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Db } from '../../src/db/client.js';
import { petitions } from '../../src/db/schema/index.js';

export async function createPetition(db: Db, campaignId: string, input: { slug?: string; published?: boolean; goal?: number } = {}) {
  const [row] = await db
    .insert(petitions)
    .values({
      campaignId,
      slug: input.slug ?? 'fair-process',
      title: 'Respect our educators’ choice',
      text: 'We, the undersigned, ask the board to stay neutral.\n\nLet educators decide.',
      target: 'The Board of Directors',
      goal: input.goal ?? 2500,
      published: input.published ?? true,
    })
    .returning();
  if (!row) throw new Error('no petition');
  return row;
}

/** What a browser with JavaScript does: read the challenge from the form and solve it. */
export async function solveFromPage(html: string): Promise<string> {
  const match = /data-challenge="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no challenge on the page');
  const challenge = JSON.parse(decodeHtml(match[1])) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve');
  return Buffer.from(JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } })).toString('base64');
}

export function csrfFromPage(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no csrf token on the page');
  return decodeHtml(match[1]);
}

export function decodeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
