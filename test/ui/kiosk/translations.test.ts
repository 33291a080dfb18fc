import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates as zhHK } from '../../../kiosk-ui/src/generated/locales/zh-HK.js';
import { templates as zhHans } from '../../../kiosk-ui/src/generated/locales/zh-Hans.js';
import { templates as zhHant } from '../../../kiosk-ui/src/generated/locales/zh-Hant.js';

const root = resolve(import.meta.dirname, '../../../kiosk-ui');

function units(locale: string): { id: string; source: string; target: string | null }[] {
  const xliff = readFileSync(resolve(root, `xliff/${locale}.xlf`), 'utf8');
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id,
    source: /<source>([\s\S]*?)<\/source>/.exec(body)![1],
    target: /<target>([\s\S]*?)<\/target>/.exec(body)?.[1] ?? null,
  }));
}

/** The text of a generated template (a string, or a lit `html`/`str` template), placeholders dropped. */
function text(template: unknown): string {
  if (typeof template === 'string') return template;
  const { strings } = template as { strings: readonly string[] };
  return strings.join('');
}

describe.each([
  ['zh-Hant', zhHant],
  ['zh-Hans', zhHans],
  ['zh-HK', zhHK],
] as const)('%s translations', (locale, generated) => {
  const all = units(locale);

  it('translate every message of the kiosk', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((u) => !u.target?.trim()).map((u) => u.source)).toEqual([]);
  });

  it('are built into the generated module (run lit-localize build after editing the xliff)', () => {
    expect(Object.keys(generated).sort()).toEqual(all.map((u) => u.id).sort());
  });

  it('keep every placeholder of the English source', () => {
    for (const unit of all) {
      const placeholders = (s: string) => (s.match(/<x id="\d+"/g) ?? []).sort();
      expect(placeholders(unit.target ?? ''), unit.source).toEqual(placeholders(unit.source));
    }
  });

  it('use the staff words for waits and tickets', () => {
    const texts = Object.values(generated).map(text);
    const expected = {
      'zh-Hant': ['約 ', ' 分鐘', '請選擇業務', '貴賓', '優先', '取號', '窗口'],
      'zh-Hans': ['约 ', ' 分钟', '请选择业务', '贵宾', '优先', '取号'],
      // Hong Kong: the counter is a 櫃位 and the hall the 大堂.
      'zh-HK': ['約 ', ' 分鐘', '請選擇業務', '貴賓', '優先', '取號', '櫃位', '大堂'],
    }[locale];
    for (const word of expected) expect(texts.some((t) => t.includes(word)), word).toBe(true);
  });
});
