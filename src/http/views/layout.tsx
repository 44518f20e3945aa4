import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export type OpenGraph = { url: string; type: 'website' | 'article'; siteName: string; locale: string; alternateLocale?: string; publishedTime?: string };

// Public pages are React components rendered to plain HTML on the server: React escapes every
// value, and the pages need no JavaScript in the browser (see docs/decisions/0005).
export function Layout(props: { title: string; lang: string; description?: string; openGraph?: OpenGraph; feed?: { href: string; title: string }; children: ReactNode }) {
  const og = props.openGraph;
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <meta property="og:title" content={props.title} />
        {props.description ? <meta property="og:description" content={props.description} /> : null}
        {og ? (
          <>
            <meta property="og:type" content={og.type} />
            <meta property="og:url" content={og.url} />
            <meta property="og:site_name" content={og.siteName} />
            <meta property="og:locale" content={og.locale} />
            {og.alternateLocale ? <meta property="og:locale:alternate" content={og.alternateLocale} /> : null}
            {og.publishedTime ? <meta property="article:published_time" content={og.publishedTime} /> : null}
            <meta name="twitter:card" content="summary" />
            <link rel="canonical" href={og.url} />
          </>
        ) : null}
        {props.feed ? <link rel="alternate" type="application/atom+xml" href={props.feed.href} title={props.feed.title} /> : null}
        {/* No favicon request (and no 404) until the campaign has its own icon. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>{props.children}</body>
    </html>
  );
}

export function renderPage(element: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}
