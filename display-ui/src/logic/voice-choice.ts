/**
 * Picks a speech voice for a language. Mandarin needs care: zh-HK and yue voices speak
 * Cantonese, so a zh-TW sentence falls back to zh-CN (and back), never to Hong Kong; and a
 * zh-HK (Cantonese) sentence takes only a Cantonese voice, never a Mandarin one.
 */
export interface VoiceLike {
  lang: string;
  name: string;
  localService: boolean;
}

const normalise = (lang: string) => lang.replace('_', '-').toLowerCase();
const CANTONESE = /^(zh-hk|yue)|cantonese/i;

/** Languages to try for `lang`, best first. */
function preferences(lang: string): string[] {
  const wanted = normalise(lang);
  if (wanted === 'zh-tw') return ['zh-tw', 'zh-cn'];
  if (wanted === 'zh-cn') return ['zh-cn', 'zh-tw'];
  if (wanted === 'zh-hk' || wanted === 'yue') return ['zh-hk', 'yue', 'yue-hk'];
  return [wanted];
}

/** The best voice for `lang`, or null to let the engine choose from `utterance.lang` alone. */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | null {
  // Voices on the device first: they start at once and work without the network.
  const ranked = [...voices].sort((a, b) => Number(b.localService) - Number(a.localService));
  for (const preferred of preferences(lang)) {
    const exact = ranked.find((v) => normalise(v.lang) === preferred);
    if (exact) return exact;
  }
  if (preferences(lang).includes('yue')) return ranked.find((v) => CANTONESE.test(`${v.lang} ${v.name}`)) ?? null;
  const language = normalise(lang).split('-')[0];
  return ranked.find((v) => normalise(v.lang).split('-')[0] === language && !CANTONESE.test(`${v.lang} ${v.name}`)) ?? null;
}
