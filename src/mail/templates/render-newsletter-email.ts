import mjml2html from 'mjml';

export type NewsletterEmailInput = {
  lang: string;
  campaignName: string;
  /** The campaign's accent color (#rrggbb): the header band and the links. */
  brandColor: string;
  title: string;
  /** The newsletter's body, already rendered from Markdown and sanitized (renderMarkdown). */
  bodyHtml: string;
  webUrl: string;
  /** Where the unsubscribe link points: a URL, or a marker each message's own link replaces. */
  unsubscribeUrl: string;
  labels: { readOnWeb: string; unsubscribe: string; why: string };
};

const escape = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const hexColor = (value: string): string => (/^#[0-9a-f]{6}$/i.test(value) ? value : '#a3161a');

/**
 * The HTML part of a newsletter email. MJML turns this short template into the table layout mail
 * clients need (Outlook included), responsive down to a phone's width; we only escape what we put
 * in. Accessible: the document's language, a real <h1>, body text at 16px with dark-on-white
 * contrast above 4.5:1, links underlined, and no image carrying meaning.
 */
export async function renderNewsletterEmail(input: NewsletterEmailInput): Promise<string> {
  const color = hexColor(input.brandColor);
  const mjml = `<mjml lang="${escape(input.lang)}" dir="auto">
  <mj-head>
    <mj-title>${escape(input.title)}</mj-title>
    <mj-preview>${escape(input.title)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1d1d1f" />
    </mj-attributes>
    <mj-style>
      .body a { color: ${color}; text-decoration: underline; }
      .body h2 { font-size: 20px; margin: 24px 0 8px; }
      .body h3, .body h4 { font-size: 17px; margin: 20px 0 8px; }
      .body table { border-collapse: collapse; }
      .body th, .body td { border: 1px solid #d0d0d0; padding: 4px 8px; text-align: left; }
      .body blockquote { border-left: 4px solid ${color}; margin: 0; padding-left: 12px; }
    </mj-style>
  </mj-head>
  <mj-body background-color="#f4f3ef" width="600px">
    <mj-section background-color="${color}" padding="16px 24px">
      <mj-column>
        <mj-text color="#ffffff" font-size="15px" font-weight="bold">${escape(input.campaignName)}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text><h1 style="font-size:26px;line-height:1.25;margin:0">${escape(input.title)}</h1></mj-text>
        <mj-text css-class="body">${input.bodyHtml}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="14px" color="#55565b" align="center"><a href="${escape(input.webUrl)}" style="color:#55565b">${escape(input.labels.readOnWeb)}</a> · <a href="${escape(input.unsubscribeUrl)}" style="color:#55565b">${escape(input.labels.unsubscribe)}</a></mj-text>
        <mj-text font-size="13px" color="#55565b" align="center">${escape(input.labels.why)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  const result = await mjml2html(mjml, { validationLevel: 'soft', minify: false });
  return result.html;
}
