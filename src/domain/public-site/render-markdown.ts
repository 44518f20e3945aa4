import { Marked } from 'marked';
import { compile as compileHtmlToText } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

// Organizers write Markdown; the public reads HTML. Markdown allows raw HTML, so the output is
// sanitized against a short allow-list: no scripts, no styles, no event handlers, no iframes,
// links only to http(s)/mailto. The CSP would block scripts anyway; this keeps pages clean.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'hr', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'blockquote', 'q', 'cite', 'ul', 'ol', 'li', 'a', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'abbr', 'sup', 'sub'],
  allowedAttributes: { a: ['href', 'title', 'hreflang'], abbr: ['title'], th: ['scope'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Page titles are h1; a newsletter's own "# Heading" becomes h2 so the outline stays valid.
  transformTags: { h1: 'h2', h5: 'h4', h6: 'h4' },
  disallowedTagsMode: 'discard',
};

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizeHtml(html, allowed);
}

/** Plain text of a Markdown document (for summaries and feeds), whitespace collapsed. */
export function markdownToText(markdown: string): string {
  return sanitizeHtml(renderMarkdown(markdown), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence-ish stretch of text, at most `max` characters, cut at a word. */
export function excerpt(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max).trimEnd()}…`;
}

// Compiled once: html-to-text builds its selector tables per options object.
const htmlToPlainText = compileHtmlToText({
  wordwrap: false,
  selectors: [
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
  ],
});

/**
 * A Markdown document as plain text people read (a mail's text part, a calendar's description):
 * paragraphs and lists kept, headings on their own lines, a link's address after its words. It
 * starts from the sanitized HTML, so what a reader sees in either part is the same content.
 */
export function markdownToPlainText(markdown: string): string {
  return htmlToPlainText(renderMarkdown(markdown)).trim();
}
