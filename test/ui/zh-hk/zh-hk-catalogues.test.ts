/**
 * The zh-HK catalogues of every front-end are what scripts/zh-hk-locale.mjs derives from zh-Hant:
 * a target wherever zh-Hant has one, the same placeholders, Hong Kong's words, built into the
 * generated modules; and the script gives the same files however often it runs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without type declarations
import * as script from '../../../scripts/zh-hk-locale.mjs';

interface ZhHkScript {
  CATALOGUES: string[];
  toHongKong(target: string): string;
  hongKongCatalogue(xliff: string): string;
  writeHongKongCatalogues(root: string): string[];
}
const { CATALOGUES, toHongKong, hongKongCatalogue, writeHongKongCatalogues } = script as ZhHkScript;

const root = resolve(import.meta.dirname, '../../..');

interface Unit {
  id: string;
  source: string;
  target: string | null;
}

function units(xliff: string): Unit[] {
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id,
    source: /<source>([\s\S]*?)<\/source>/.exec(body)![1],
    target: /<target>([\s\S]*?)<\/target>/.exec(body)?.[1] ?? null,
  }));
}

const read = (dir: string, locale: string) => readFileSync(join(root, dir, `${locale}.xlf`), 'utf8');
const placeholders = (s: string) => (s.match(/<x\b[^>]*\/>/g) ?? []).sort();
const placeholderIds = (s: string) => (s.match(/<x id="\d+"/g) ?? []).sort();
/** The generated module sits in src/generated/locales beside the xliff's front-end (admin: generated/locales). */
const generatedModule = (dir: string) => join(root, dir.replace(/xliff$/, dir.startsWith('manager-ui/src/admin') ? 'generated/locales' : 'src/generated/locales'), 'zh-HK.ts');

describe.each(CATALOGUES)('the zh-HK catalogue in %s', (dir) => {
  const hant = units(read(dir, 'zh-Hant'));
  const hk = units(read(dir, 'zh-HK'));
  const hkById = new Map(hk.map((u) => [u.id, u]));

  it('is what the script derives from zh-Hant (run node scripts/zh-hk-locale.mjs after editing zh-Hant)', () => {
    expect(read(dir, 'zh-HK')).toBe(hongKongCatalogue(read(dir, 'zh-Hant')));
    expect(read(dir, 'zh-HK')).toContain('target-language="zh-HK"');
  });

  it('has a target wherever zh-Hant has one, with exactly its placeholders', () => {
    expect(hk.map((u) => u.id)).toEqual(hant.map((u) => u.id));
    for (const unit of hant.filter((u) => u.target !== null)) {
      const target = hkById.get(unit.id)?.target;
      expect(target?.trim(), unit.source).toBeTruthy();
      expect(placeholders(target!), unit.source).toEqual(placeholders(unit.target!));
      // Against the English source, only the ids count: lit-localize matches placeholders by id.
      expect(placeholderIds(target!), unit.source).toEqual(placeholderIds(unit.source));
    }
  });

  it("uses Hong Kong's words: no 窗口, 支行 or 網點 left", () => {
    const leftovers = hk.filter((u) => /窗口|支行|網點|櫃檯/.test(u.target ?? '')).map((u) => u.target);
    expect(leftovers).toEqual([]);
  });

  it('is built into the generated zh-HK module (run npm run localize:build)', () => {
    const generated = readFileSync(generatedModule(dir), 'utf8');
    for (const unit of hk.filter((u) => u.target !== null)) expect(generated, unit.source).toContain(`'${unit.id}'`);
  });
});

describe('the Hong Kong words', () => {
  it('name the counter 櫃位 and the branch 分行, keeping the placeholder', () => {
    expect(toHongKong('<x id="0" equiv-text="${n}"/>號窗口')).toBe('<x id="0" equiv-text="${n}"/>號櫃位');
    expect(toHongKong('支行設定已儲存，大廳屏幕即時更新。')).toBe('分行設定已儲存，大堂屏幕即時更新。');
    expect(toHongKong('本網點沒有<x id="0" equiv-text="${n}"/>號窗口。')).toBe('本分行沒有<x id="0" equiv-text="${n}"/>號櫃位。');
  });

  it('leave words Hong Kong already uses, and numbers, alone', () => {
    for (const same of ['排隊數據', '請到自動櫃員機辦理', '約 <x id="0" equiv-text="${minutes}"/> 分鐘', '轉賬、卡務及列印結單', '大堂經理', '用戶名稱']) {
      expect(toHongKong(same)).toBe(same);
    }
  });

  it('never maps inside a placeholder', () => {
    const target = '<x id="0" equiv-text="${t(\'窗口\')}"/>窗口';
    expect(toHongKong(target)).toBe('<x id="0" equiv-text="${t(\'窗口\')}"/>櫃位');
  });

  it('takes whole-string overrides where the map would be wrong', () => {
    expect(toHongKong('登入帳號')).toBe('用戶名稱');
    expect(toHongKong('用戶名或密碼錯誤。')).toBe('用戶名稱或密碼錯誤。');
  });
});

describe('the script', () => {
  const copy = mkdtempSync(join(tmpdir(), 'zh-hk-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('writes the same files on a second run, and leaves them untouched', () => {
    for (const dir of CATALOGUES) cpSync(join(root, dir, 'zh-Hant.xlf'), join(copy, dir, 'zh-Hant.xlf'));
    const first = writeHongKongCatalogues(copy);
    expect(first).toHaveLength(CATALOGUES.length);
    const once = first.map((f) => [readFileSync(f, 'utf8'), statSync(f).mtimeMs] as const);
    const second = writeHongKongCatalogues(copy);
    expect(second).toEqual(first);
    expect(second.map((f) => [readFileSync(f, 'utf8'), statSync(f).mtimeMs] as const)).toEqual(once);
    for (const [i, dir] of CATALOGUES.entries()) expect(once[i][0]).toBe(read(dir, 'zh-HK'));
  });

  it('refuses a file that is not a zh-Hant catalogue', () => {
    expect(() => hongKongCatalogue(read(CATALOGUES[0], 'zh-Hans'))).toThrow(/zh-Hant/);
  });
});
