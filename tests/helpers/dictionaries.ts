/**
 * Vitest setup: every language's dictionary registered up front. The app loads all but zh-CN
 * lazily (their own chunks); tests translate synchronously in any language.
 */
import { addDictionary } from '../../src-renderer/src/i18n/dictionaries';
import { en } from '../../src-renderer/src/i18n/en';

addDictionary('en', en);
