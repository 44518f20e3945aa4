/** The domain of an email address, lower case, without a trailing dot ('' when there is none). */
export function emailDomainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase().replace(/\.$/u, '');
}

/**
 * Whether an address is at a domain an employer of the campaign controls, or one of its
 * subdomains ("staff.district.example" is the district's too). Its confirmation would land in the
 * employer's mail system, where the employer can read it.
 */
export function isEmployerEmail(email: string, employerDomains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  if (domain === '') return false;
  return employerDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** A domain as an organizer types it ("@Meridian.example " → "meridian.example"), or null if it is not one. */
export function normalizeEmailDomain(input: string): string | null {
  const domain = input.trim().toLowerCase().replace(/^@/u, '').replace(/\.$/u, '');
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/u.test(domain) ? domain : null;
}
