import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's heading. It takes focus when the page opens, so screen readers announce the new page
 * after a client-side navigation, and it sets the window title.
 */
export function PageHeader(props: { title: string; intro?: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Unionhall`;
    ref.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <header className="page-header">
      <div>
        <h1 tabIndex={-1} ref={ref}>
          {props.title}
        </h1>
        {props.intro ? <div className="page-intro">{props.intro}</div> : null}
      </div>
      {props.actions ? <div className="page-actions">{props.actions}</div> : null}
    </header>
  );
}
