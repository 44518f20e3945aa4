import type { ReactNode } from 'react';

/**
 * The row of buttons under an editor: Save (disabled and saying so while saving), any extra
 * buttons, Cancel, and Delete when the thing exists already. Delete is a link-styled button last,
 * away from Save, so it is not pressed by mistake.
 */
export function FormActions(props: { busy: boolean; onCancel: () => void; onDelete?: () => void; children?: ReactNode }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button-primary" disabled={props.busy}>
        {props.busy ? 'Saving…' : 'Save'}
      </button>
      {props.children}
      <button type="button" className="button-secondary" onClick={props.onCancel}>
        Cancel
      </button>
      {props.onDelete ? (
        <button type="button" className="button-link" onClick={props.onDelete}>
          Delete
        </button>
      ) : null}
    </div>
  );
}
