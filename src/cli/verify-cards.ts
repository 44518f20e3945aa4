import { verifyCardHashes } from '../domain/cards/verify-card-hashes.js';
import { systemRequester } from '../domain/commands/requester.js';
import type { Services } from '../domain/create-services.js';

/**
 * `unionhall verify-cards`: recomputes the hash of every card of a campaign and lists those whose
 * stored content no longer matches. Returns the process exit code: 0 when all match, 2 when any
 * does not (1 is left to usage and connection errors).
 */
export async function verifyCampaignCards(services: Services, slug: string, write: (line: string) => void): Promise<number> {
  const report = await services.execute(verifyCardHashes, systemRequester('cli'), { slug });
  if (report.mismatches.length === 0) {
    write(`${slug}: all ${report.checked} card hashes match their content.`);
    return 0;
  }
  write(`${slug}: ${report.mismatches.length} of ${report.checked} cards do NOT match their hash (content changed after signing):`);
  for (const m of report.mismatches) {
    write(`  card ${m.cardId}  signed ${m.signedOn}  ${m.source}  ${m.worksiteName}`);
    write(`    stored   ${m.storedHash}`);
    write(`    computed ${m.computedHash}`);
  }
  return 2;
}
