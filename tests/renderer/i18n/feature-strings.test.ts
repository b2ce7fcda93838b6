/**
 * The dictionaries are per feature (`i18n/<feature>-strings.ts`, both languages in one file) and
 * meet in zh-CN.ts / en.ts. A spread lets a later file silently replace an earlier file's message,
 * and a file nobody spreads in is never shown: both are caught here.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src-renderer/src/i18n/en';
import { zhCN } from '../../../src-renderer/src/i18n/zh-CN';

const I18N = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src-renderer/src/i18n');
const files = readdirSync(I18N).filter((f) => f.endsWith('-strings.ts'));

async function featureDictionaries(): Promise<{ file: string; zh: Record<string, string>; en: Record<string, string> }[]> {
  return Promise.all(
    files.map(async (file) => {
      const module = (await import(path.join(I18N, file))) as Record<string, Record<string, string>>;
      const zh = Object.entries(module).find(([name]) => name.endsWith('ZhCN'));
      const english = Object.entries(module).find(([name]) => name.endsWith('En'));
      if (!zh || !english) throw new Error(`${file} must export xxxZhCN and xxxEn`);
      return { file, zh: zh[1], en: english[1] };
    }),
  );
}

describe('per-feature dictionaries', () => {
  it('each holds the same keys in both languages', async () => {
    for (const d of await featureDictionaries()) expect(Object.keys(d.en).sort(), d.file).toEqual(Object.keys(d.zh).sort());
  });

  it('no key is defined by two features, and every feature is spread into zh-CN and en', async () => {
    const owner = new Map<string, string>();
    for (const d of await featureDictionaries()) {
      for (const key of Object.keys(d.zh)) {
        expect(owner.get(key), `${key} is in ${owner.get(key)} and ${d.file}`).toBeUndefined();
        owner.set(key, d.file);
        expect((zhCN as Record<string, string>)[key], `${d.file} is spread into zh-CN.ts`).toBe(d.zh[key]);
        expect((en as Record<string, string>)[key], `${d.file} is spread into en.ts`).toBe(d.en[key]);
      }
    }
    expect(owner.size, 'every message belongs to one feature file').toBe(Object.keys(zhCN).length);
  });
});
