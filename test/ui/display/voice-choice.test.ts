import { describe, expect, it } from 'vitest';
import { chooseVoice, type VoiceLike } from '../../../display-ui/src/logic/voice-choice.js';

const voice = (lang: string, name: string, localService = true): VoiceLike => ({ lang, name, localService });

describe('chooseVoice', () => {
  const hongKong = voice('zh-HK', 'Google 粵語（香港）', false);
  const mainland = voice('zh-CN', 'Google 普通话（中国大陆）', false);
  const taiwan = voice('zh-TW', 'Google 國語（臺灣）', false);
  const english = voice('en-US', 'Google US English', false);
  const british = voice('en-GB', 'Google UK English Female', false);

  it('takes the voice of the exact language', () => {
    expect(chooseVoice([hongKong, mainland, taiwan, english], 'zh-TW')).toBe(taiwan);
    expect(chooseVoice([hongKong, mainland, taiwan, english], 'zh-CN')).toBe(mainland);
    expect(chooseVoice([british, english], 'en-US')).toBe(english);
  });

  it('falls back between mainland and Taiwan Mandarin, never to Cantonese', () => {
    expect(chooseVoice([hongKong, mainland], 'zh-TW')).toBe(mainland);
    expect(chooseVoice([hongKong, taiwan], 'zh-CN')).toBe(taiwan);
    expect(chooseVoice([hongKong], 'zh-TW')).toBeNull();
    expect(chooseVoice([voice('yue-HK', 'Cantonese')], 'zh-CN')).toBeNull();
  });

  it('falls back to another voice of the same language', () => {
    expect(chooseVoice([british, hongKong], 'en-US')).toBe(british);
  });

  it('prefers a voice on the device to one over the network', () => {
    const local = voice('zh_CN', 'Ting-Ting', true);
    expect(chooseVoice([mainland, local], 'zh-CN')).toBe(local);
  });

  it('leaves the choice to the engine when nothing fits', () => {
    expect(chooseVoice([], 'en-US')).toBeNull();
    expect(chooseVoice([english], 'zh-TW')).toBeNull();
  });
});
