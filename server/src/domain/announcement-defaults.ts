/**
 * Which languages a branch's hall hears by default: Mandarin then English, and Cantonese then
 * English in Hong Kong (zh-HK). A branch that changes its language gets the new default unless it
 * had chosen its own languages.
 */
import type { AnnouncementLanguage } from '../../../protocol/voice-clips.js';

/** The default announcement languages for a branch's default locale. */
export function defaultAnnouncementLanguages(locale: string): AnnouncementLanguage[] {
  return locale === 'zh-HK' ? ['yue', 'en'] : ['cmn', 'en'];
}

/**
 * The languages after the branch's locale changes from `before` to `after`: the new default when
 * the branch still had the old one, else its own choice as it was.
 */
export function languagesAfterLocaleChange(current: readonly AnnouncementLanguage[], before: string, after: string): AnnouncementLanguage[] {
  const wasDefault = current.join() === defaultAnnouncementLanguages(before).join();
  return wasDefault ? defaultAnnouncementLanguages(after) : [...current];
}
