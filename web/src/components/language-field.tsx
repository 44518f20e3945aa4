import type { ContentLanguage } from '../lib/public-content-types.js';
import { Field } from './field.js';

/**
 * The language of a text written for the public site. The public pages come in English and
 * Spanish; the choice sets the `lang` of the published text so screen readers pronounce it right.
 */
export function LanguageField(props: { value: ContentLanguage; onChange: (lang: ContentLanguage) => void }) {
  return (
    <Field label="Language of the text">
      {(c) => (
        <select {...c} value={props.value} onChange={(e) => props.onChange(e.target.value === 'es' ? 'es' : 'en')}>
          <option value="en">English</option>
          <option value="es">Spanish</option>
        </select>
      )}
    </Field>
  );
}
