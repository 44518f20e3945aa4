import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CardTextRow, WorksiteWithEmployer } from '../../db/repositories/cards-repository.js';
import { defaultLanguage, type Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';

export type CardForm = {
  /** The text this reader signs: the approved text in their language, else in the default language. */
  text: CardTextRow;
  /** Every language's current text (a posted version must be one of them). */
  texts: CardTextRow[];
  worksites: WorksiteWithEmployer[];
  employerDomains: string[];
};

/** The card text and schools the public form shows, or null when the campaign takes no cards yet. */
export async function loadCardForm(ctx: CommandContext, input: { campaign: CampaignRow; lang: Language }): Promise<CardForm | null> {
  const { cards } = ctx.repos;
  const texts = await cards.currentCardTexts(input.campaign.id);
  const text = texts.find((t) => t.language === input.lang) ?? texts.find((t) => t.language === defaultLanguage) ?? texts[0];
  if (!text) return null;
  // One after the other: signing runs this in its transaction, whose connection takes one statement at a time.
  const worksites = await cards.listWorksitesWithEmployers(input.campaign.id);
  const employerDomains = await cards.employerEmailDomains(input.campaign.id);
  return { text, texts, worksites, employerDomains };
}
