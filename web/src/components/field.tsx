import { useId, type ReactNode } from 'react';

export type FieldControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/**
 * A labelled form control with an optional hint and the server's reason when it refused the value.
 * The control is passed as a render function so it gets the ids that tie label, hint and error to it.
 */
export function Field(props: { label: string; hint?: ReactNode; error?: string; id?: string; children: (control: FieldControlProps) => ReactNode }) {
  const generated = useId();
  const id = props.id ?? generated;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Problem: </span>
          {props.label} {props.error}
        </p>
      ) : null}
      {props.children({ id, 'aria-describedby': describedBy, 'aria-invalid': props.error ? true : undefined })}
    </div>
  );
}
