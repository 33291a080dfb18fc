import { describe, expect, it } from 'vitest';
import { allClipIds, callClips, counterNumberClips, requiredClipIds, ticketNumberClips } from '../../../protocol/voice-clips.js';
import { announcementFor, cantoneseCall } from '../../../display-ui/src/logic/announcement-text.js';
import { CLIP_GAP_SECONDS, scheduleSentences, SENTENCE_GAP_SECONDS, voiceSequence } from '../../../display-ui/src/logic/voice-sequence.js';
import { chooseVoice } from '../../../display-ui/src/logic/voice-choice.js';

const call = { number: 'A023', counterNumber: 3 };

describe('the clips of a call', () => {
  it('calls in Mandarin the way Chinese ticket systems do: 請 A 0 2 3 號 到 3 號 窗口', () => {
    expect(callClips('cmn', call)).toEqual(['qing', 'A', '0', '2', '3', 'hao', 'dao', '3', 'hao', 'chuangkou']);
  });

  it('calls in Cantonese to a 櫃位: 請 A 0 2 3 號 到 3 號 櫃位', () => {
    expect(callClips('yue', call)).toEqual(['qing', 'A', '0', '2', '3', 'hao', 'dao', '3', 'hao', 'guiwei']);
  });

  it('calls in English: "Number A 0 2 3, please go to counter 3"', () => {
    expect(callClips('en', call)).toEqual(['number', 'A', '0', '2', '3', 'please-go-to-counter', '3']);
  });

  it.each([
    ['cmn', 10, ['10']],
    ['cmn', 13, ['10', '3']],
    ['cmn', 20, ['2', '10']],
    ['yue', 23, ['2', '10', '3']],
    ['en', 12, ['12']],
    ['en', 20, ['20']],
    ['en', 23, ['20', '3']],
    ['en', 7, ['7']],
    ['cmn', 105, ['1', '0', '5']],
  ] as const)('reads counter %s %i as a quantity: %j', (language, n, clips) => {
    expect(counterNumberClips(language, n)).toEqual(clips);
  });

  it('reads a two-digit counter inside the sentence', () => {
    expect(callClips('cmn', { number: 'V105', counterNumber: 12 })).toEqual(['qing', 'V', '1', '0', '5', 'hao', 'dao', '10', '2', 'hao', 'chuangkou']);
  });

  it('uses only clips that a complete pack has, for every letter and counters 1–120', () => {
    for (const language of ['cmn', 'yue', 'en'] as const) {
      const pack = new Set(allClipIds(language));
      for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
        for (let counter = 1; counter <= 120; counter++) {
          for (const clip of callClips(language, { number: `${letter}${counter}9`, counterNumber: counter })) expect(pack.has(clip), `${language} ${clip}`).toBe(true);
        }
      }
    }
  });

  it('reads the ticket number letter by letter and digit by digit', () => {
    expect(ticketNumberClips('b007')).toEqual(['B', '0', '0', '7']);
  });

  it('asks a branch pack for its words, the digits, its services’ letters and its counters’ numbers only', () => {
    expect(requiredClipIds('cmn', ['A', 'V'], [1, 2, 13])).toEqual(['qing', 'hao', 'dao', 'chuangkou', 'A', 'V', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(requiredClipIds('en', ['A'], [3, 23])).toEqual(['number', 'please-go-to-counter', 'A', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '20']);
  });
});

describe('the sentences of a call', () => {
  it('follows the branch’s languages in order', () => {
    expect(voiceSequence(call, ['yue', 'en']).map((s) => s.language)).toEqual(['yue', 'en']);
    expect(voiceSequence(call, ['en', 'cmn', 'yue']).map((s) => s.clips[0])).toEqual(['number', 'qing', 'qing']);
  });

  it('reads a recall with the same words as the first call', () => {
    const recall = { ...call, recall: true };
    expect(voiceSequence(recall, ['cmn', 'en'])).toEqual(voiceSequence(call, ['cmn', 'en']));
  });

  it('places clips back to back with small gaps, and a longer pause between languages', () => {
    const { clips, seconds } = scheduleSentences(voiceSequence({ number: 'A1', counterNumber: 2 }, ['cmn', 'en']), () => 0.5);
    expect(clips.slice(0, 2).map((c) => c.at)).toEqual([0, 0.5 + CLIP_GAP_SECONDS]);
    const firstEnglish = clips.find((c) => c.language === 'en')!;
    const lastMandarin = clips.filter((c) => c.language === 'cmn').at(-1)!;
    expect(firstEnglish.at - (lastMandarin.at + lastMandarin.seconds)).toBeCloseTo(SENTENCE_GAP_SECONDS, 9);
    // cmn: 請 A 1 號 到 2 號 窗口 (8), en: Number A 1 please-go-to-counter 2 (5)
    expect(clips).toHaveLength(13);
    expect(seconds).toBeCloseTo(13 * 0.5 + 11 * CLIP_GAP_SECONDS + SENTENCE_GAP_SECONDS, 9);
  });
});

describe('speech for a Hong Kong branch', () => {
  it('says the call in Cantonese with a Hong Kong voice: 請A零二三號到3號櫃位', () => {
    expect(cantoneseCall(call)).toEqual({ text: '請A零二三號到3號櫃位', lang: 'zh-HK' });
    expect(announcementFor(call, 'zh-Hant', ['yue', 'en']).map((u) => u.lang)).toEqual(['zh-HK', 'en-US']);
  });

  it('gives a Cantonese sentence a Cantonese voice, never a Mandarin one', () => {
    const mandarin = { lang: 'zh-CN', name: 'Mandarin', localService: true };
    const cantonese = { lang: 'yue-HK', name: 'Cantonese', localService: false };
    expect(chooseVoice([mandarin, cantonese], 'zh-HK')).toBe(cantonese);
    expect(chooseVoice([mandarin], 'zh-HK')).toBeNull();
  });
});
