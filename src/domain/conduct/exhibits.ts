// Exhibit numbers for counsel: every attachment of the chronology gets one number, in the order in
// which the chronology first shows it, so "Exhibit 1" is the first document a reader meets.

export type ExhibitSource = { attachments: readonly { id: string }[]; quotes: readonly { attachmentId: string | null }[] };

export function numberExhibits(incidents: readonly ExhibitSource[]): Map<string, number> {
  const numbers = new Map<string, number>();
  const add = (id: string): void => {
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  };
  for (const incident of incidents) {
    for (const attachment of incident.attachments) add(attachment.id);
    // A quote may cite a file that is not listed among the incident's attachments (older data).
    for (const quote of incident.quotes) if (quote.attachmentId) add(quote.attachmentId);
  }
  return numbers;
}

/** "page 9", "pages 6–7", or '' when no page is given. */
export function formatPages(pageFrom: number | null, pageTo: number | null): string {
  if (pageFrom === null) return '';
  if (pageTo === null || pageTo === pageFrom) return `page ${pageFrom}`;
  return `pages ${pageFrom}–${pageTo}`;
}

/** How a quote cites its source: "Exhibit 3, pages 6–7", "Exhibit 3", "page 2", or ''. */
export function formatCitation(exhibit: number | undefined, pageFrom: number | null, pageTo: number | null): string {
  const pages = formatPages(pageFrom, pageTo);
  if (exhibit === undefined) return pages;
  return pages ? `Exhibit ${exhibit}, ${pages}` : `Exhibit ${exhibit}`;
}
