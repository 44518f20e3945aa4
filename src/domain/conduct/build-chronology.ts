import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { AttachmentMeta, IncidentFilter } from '../../db/repositories/conduct-repository.js';
import type { Day } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { numberExhibits } from './exhibits.js';
import { withDeadline, type IncidentView } from './incident-view.js';

/** The chronology for counsel: incidents in date order, and their files numbered as exhibits. */
export type Chronology = { generatedAt: Date; asOf: Day; incidents: IncidentView[]; exhibits: { number: number; attachment: AttachmentMeta }[] };

/** The most incidents one export holds. */
const EXPORT_LIMIT = 10_000;

export async function buildChronology(ctx: CommandContext, campaign: CampaignRow, filter: IncidentFilter): Promise<Chronology> {
  const { conduct } = ctx.repos;
  const asOf = ctx.today(campaign);
  const incidents = (await conduct.listIncidents(campaign.id, filter, EXPORT_LIMIT)).map((r) => withDeadline(r, asOf));
  const numbers = numberExhibits(incidents);
  const byId = new Map<string, AttachmentMeta>();
  for (const incident of incidents) for (const a of incident.attachments) byId.set(a.id, a);
  for (const id of numbers.keys()) {
    if (!byId.has(id)) {
      const meta = await conduct.findAttachment(campaign.id, id);
      if (meta) byId.set(id, meta);
    }
  }
  const exhibits = [...numbers].flatMap(([id, number]) => {
    const attachment = byId.get(id);
    return attachment ? [{ number, attachment }] : [];
  });
  return { generatedAt: ctx.now, asOf, incidents, exhibits };
}
