import type { ReactNode } from 'react';

/** The frame of the signed-out pages: sign-in, forgotten password, set password. */
export function PublicFrame(props: { children: ReactNode }) {
  return (
    <div className="public">
      <header className="public-header">
        <a href="/" className="brand">
          Unionhall
        </a>
      </header>
      <main id="main" className="public-main">
        <div className="panel">{props.children}</div>
        <p className="public-footnote">
          For organizers of the campaign. Educators looking to sign a card: <a href="/">go to the campaign page</a>.
        </p>
      </main>
    </div>
  );
}
