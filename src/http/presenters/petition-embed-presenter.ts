const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The HTML an admin pastes into the union's website (decision 0029): a plain link to the hosted
 * petition, which works without JavaScript, and a script that replaces it with a signing form
 * posting to the OSDI helper (the site's origin must be listed for CORS). The signer still
 * confirms by email.
 */
export function petitionEmbedSnippet(input: { publicUrl: string; petitionId: string; title: string; hostedUrl: string }): string {
  return [
    `<a class="unionhall-petition" data-petition="${input.petitionId}" href="${escapeHtml(input.hostedUrl)}">Sign the petition: ${escapeHtml(input.title)}</a>`,
    `<script src="${escapeHtml(input.publicUrl)}/assets/embed-petition.js" async></script>`,
  ].join('\n');
}
