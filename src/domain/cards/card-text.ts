/** The card language as signed: `{employer}` becomes the signer's employer's name. */
export function renderCardText(body: string, employerName: string): string {
  return body.replaceAll('{employer}', employerName);
}

/** The parts of the text around `{employer}`, for showing the form before a school is chosen. */
export function splitCardText(body: string): string[] {
  return body.split('{employer}');
}
