import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

// Public pages are React components rendered to plain HTML on the server: React escapes every
// value, and the pages need no JavaScript in the browser (see docs/decisions/0005).
export function Layout(props: { title: string; lang: string; description?: string; children: ReactNode }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <meta property="og:title" content={props.title} />
        {props.description ? <meta property="og:description" content={props.description} /> : null}
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>{props.children}</body>
    </html>
  );
}

export function renderPage(element: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}
