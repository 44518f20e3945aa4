import { describe, expect, it } from 'vitest';
import { excerpt, markdownToPlainText, markdownToText, renderMarkdown } from './render-markdown.js';

describe('renderMarkdown', () => {
  it('renders Markdown and demotes h1 to h2', () => {
    const html = renderMarkdown('# Title\n\nWe are **organizing**.\n\n- one\n- two\n\n[read](https://example.org/a)');
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>organizing</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://example.org/a">read</a>');
  });

  it('removes scripts, event handlers, styles, iframes and javascript: links', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script><img src=x onerror="alert(1)"> <span style="color:red">x</span> <iframe src="https://evil.example"></iframe> [x](javascript:alert(1)) <a href="javascript:alert(2)">y</a>',
    );
    expect(html).not.toMatch(/script|onerror|style=|iframe|javascript:|<img/i);
    expect(html).toContain('Hi');
  });

  it('gives plain text and excerpts cut at a word', () => {
    expect(markdownToText('# A & B\n\nSome *text* <b>here</b>.')).toBe('A & B Some text here.');
    expect(excerpt('one two three four five', 12)).toBe('one two…');
    expect(excerpt('short', 12)).toBe('short');
  });
});

describe('markdownToPlainText', () => {
  it('keeps paragraphs, headings, lists and link addresses, and drops scripts and Markdown marks', () => {
    const text = markdownToPlainText('# The memo\n\nWe learned of a **memo**.<script>alert(1)</script>\n\n- one\n- two\n\n[Petition](https://example.org/p)\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(text).toContain('The memo\n\nWe learned of a memo.');
    expect(text).toContain(' * one\n * two');
    expect(text).toContain('Petition [https://example.org/p]');
    expect(text).toMatch(/a +b\n1 +2/);
    expect(text).not.toMatch(/script|alert|\*\*|#|\|/);
  });
});
