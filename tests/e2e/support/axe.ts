/**
 * Accessibility checks with axe-core (@axe-core/playwright): every rule axe runs by default (WCAG
 * 2.0/2.1 A and AA, and its best practices). A screen passes with zero violations; each check's
 * full answer is attached to the report, so a failure names the rule, the element and the fix.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import type { Result as AxeResult } from 'axe-core';

/** One violation, short enough to read in a failure message. */
export function describeViolation(v: AxeResult): string {
  const nodes = v.nodes
    .slice(0, 5)
    .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
    .join('\n');
  return `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes}`;
}

/** The violations axe finds on the page as it is now (attached to the report as `axe <name>`). */
export async function axeViolations(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default opens a blank page per check to finish
  // the run across frames (seconds each, and the app has no frames).
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const found = results.violations.map(describeViolation);
  if (found.length > 0) await testInfo.attach(`axe ${name}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  return found;
}
