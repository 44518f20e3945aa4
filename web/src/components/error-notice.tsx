import { useEffect, useRef, type ReactNode } from 'react';
import { normalizeField, type ApiError } from '../lib/api.js';

/**
 * What went wrong, in the server's words, at the top of a form; when fields were refused, a list
 * of them linking to each field (labels come from the form; the fields themselves show the reason
 * too). Focused when it appears, so keyboard and screen-reader users hear it.
 */
export function ErrorNotice(props: { error: ApiError | undefined | null; fields?: Record<string, { label: string; id?: string }>; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.error) ref.current?.focus();
  }, [props.error]);
  if (!props.error) return null;
  const { error } = props;
  const known = props.fields ?? {};
  const fields = error.fields.map((f) => ({ key: normalizeField(f.field), reason: f.reason }));
  // The generic validation message lists raw field names; the list below says it better.
  const generic = error.code === 'validation_failed' && fields.length > 0 && error.message.startsWith('Some fields are not valid');
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1} ref={ref}>
      <p className="notice-title">{props.title ?? (generic ? 'Some answers need fixing:' : error.message)}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map((f) => {
            const field = known[f.key];
            const label = field?.label ?? f.key;
            return (
              <li key={`${f.key}-${f.reason}`}>
                {field?.id ? <a href={`#${field.id}`}>{label}</a> : label} {f.reason}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

export function SuccessNotice(props: { children: ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      {props.children}
    </div>
  );
}

export function InfoNotice(props: { children: ReactNode }) {
  return <div className="notice notice-info">{props.children}</div>;
}
