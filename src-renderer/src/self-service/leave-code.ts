/**
 * What the kiosk checks of a visit code before asking main (main decides; this only spares a
 * visitor a round trip for a code that cannot be one): 8 letters or digits once spaces and
 * hyphens are dropped.
 */
export function visitCodeShape(text: string): string | undefined {
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  return /^[0-9A-Z]{8}$/.test(code) ? code : undefined;
}
