import type { pressKinds } from '../../vocabulary/public-site.js';
import { AppError } from '../../errors.js';

export type PressShape = { kind: (typeof pressKinds)[number]; outlet: string; url: string | null; bodyMarkdown: string };

// Coverage is someone else's article (outlet and link required); a release is ours (text required).
export function checkPressItem(item: PressShape): void {
  if (item.kind === 'release') {
    if (item.bodyMarkdown.trim() === '') throw new AppError('validation_failed', 'A press release needs its text.', [{ field: 'bodyMarkdown', reason: 'is required for a release' }]);
    return;
  }
  const problems = [...(item.outlet === '' ? [{ field: 'outlet', reason: 'is required for coverage' }] : []), ...(!item.url ? [{ field: 'url', reason: 'is required for coverage' }] : [])];
  if (problems.length > 0) throw new AppError('validation_failed', 'Coverage needs its outlet and link.', problems);
}
