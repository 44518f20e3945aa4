import { Layout } from './layout.js';

export type HomePageModel = {
  campaignName: string;
  statement: string;
  counters: { label: string; value: number }[];
  cardUrl: string;
};

// Campaign-wide totals only: no per-school figure ever appears on a public page.
export function HomePage(model: HomePageModel) {
  const paragraphs = model.statement.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return (
    <Layout title={model.campaignName} lang="en" description={paragraphs[0]}>
      <header className="site-header">
        <p className="brand">{model.campaignName}</p>
        <nav aria-label="Site">
          <a href="/app/">Organizer sign-in</a>
        </nav>
      </header>
      <main>
        <section className="hero">
          <h1>{model.campaignName}</h1>
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
        <section aria-labelledby="counters-heading" className="counters">
          <h2 id="counters-heading">Where we stand</h2>
          <ul>
            {model.counters.map((c) => (
              <li key={c.label}>
                <strong>{c.value.toLocaleString('en-US')}</strong> <span>{c.label}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="actions" aria-label="Take part">
          <a className="button" href={model.cardUrl}>
            Educators: sign your card
          </a>
        </section>
      </main>
      <footer>
        <p>Signing a card is confidential. Your employer never sees who signed.</p>
      </footer>
    </Layout>
  );
}
