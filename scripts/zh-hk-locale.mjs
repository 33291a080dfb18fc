#!/usr/bin/env node
/**
 * Derives the zh-HK (Hong Kong) catalogue of every front-end from its zh-Hant catalogue.
 *
 * Hong Kong branches read Traditional Chinese, but in Hong Kong's own words: a customer goes to
 * 3號櫃位 (not 窗口) in the 分行 (not 支行 / 網點). Rather than keep a fourth hand-written
 * translation in step, each zh-Hant <target> is copied into <ui>/xliff/zh-HK.xlf with the term map
 * below applied, and whole strings that a mechanical map gets wrong come from OVERRIDES.
 *
 * Usage, after filling zh-Hant targets (and after `npm run localize:extract`):
 *   node scripts/zh-hk-locale.mjs        # writes every zh-HK.xlf
 *   npm run localize:build               # turns them into src/generated/locales/zh-HK.ts
 *
 * Reproducible and idempotent: the output depends only on the zh-Hant files and this script, so a
 * hand edit to zh-HK.xlf is lost on the next run; put it into OVERRIDES instead.
 * Never touches placeholders: only the text between `<x .../>` tags is mapped, and every unit is
 * checked to carry exactly the zh-Hant target's placeholders.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The zh-Hant catalogues, relative to the repository root; zh-HK.xlf is written beside each. */
export const CATALOGUES = ['kiosk-ui/xliff', 'display-ui/xliff', 'manager-ui/xliff', 'manager-ui/src/admin/xliff'];

/**
 * Term map, applied in order to text (never to placeholders). Conservative: only words a Hong Kong
 * customer or teller would read as foreign. Words zh-Hant already writes the Hong Kong way stay as
 * they are: 排隊, 輪候, 大堂經理, 取號, 叫號, 過號, 轉辦, 分流, 貴賓, 優先, 用戶, 網絡, 二維碼 (HK banks
 * also print "QR code", but 二維碼 is understood), 轉賬 (HK writes 賬 for money transfers), 帳戶 (a
 * staff sign-in account), 屏幕, 顯示屏, 伺服器, 登入, 儲存, 列印, 自動櫃員機, 人手, 業務.
 * @type {[RegExp, string, string][]} pattern, replacement, why
 */
export const TERMS = [
  [/窗口/g, '櫃位', 'the counter a customer is called to: HK banks sign it 櫃位; 窗口 reads as mainland usage'],
  [/櫃檯|櫃台/g, '櫃位', 'same counter, one word on every screen (walk-in ticket, counter pauses)'],
  [/支行/g, '分行', 'HK banks call every branch 分行; 支行 is the mainland tier name'],
  [/網點/g, '分行', '網點 (outlet) is mainland banking jargon; to a HK customer it is the 分行'],
  [/大廳/g, '大堂', 'the banking hall is the 大堂 in HK (as in 大堂經理)'],
  [/信息/g, '資訊', '信息 is mainland; HK writes 資訊 (市場資訊, 客戶資源資訊表)'],
  [/用戶名(?!稱)/g, '用戶名稱', 'HK sign-in forms ask for 用戶名稱'],
  [/賬號/g, '賬戶號碼', "a customer's bank account number: HK says 賬戶號碼"],
  [/帳號/g, '帳戶', 'a staff sign-in account: HK says 帳戶, 帳號 is Taiwanese'],
  [/默認/g, '預設', 'default setting: 預設 in HK'],
  [/設置/g, '設定', 'settings: 設定 in HK'],
  [/打印/g, '列印', 'printing: 列印 in HK (打印 is mainland)'],
  [/視頻/g, '影片', 'video: 影片 in HK'],
  [/短信|簡訊/g, '短訊', 'SMS: 短訊 in HK (短信 mainland, 簡訊 Taiwan)'],
  [/網路/g, '網絡', 'network: 網絡 in HK (網路 Taiwan)'],
  [/螢幕/g, '屏幕', 'screen: 屏幕 in HK (螢幕 Taiwan)'],
  [/登錄/g, '登入', 'sign in: 登入 in HK'],
  [/質量/g, '質素', 'quality of service: 質素 in HK'],
  [/行動電話/g, '手提電話', 'mobile phone: 手提電話 in HK (行動電話 Taiwan)'],
  [/裡/g, '裏', 'HK standard glyph (常用字字形表) is 裏'],
];

/**
 * Whole strings where the term map is not enough, keyed by the zh-Hant target (a changed zh-Hant
 * string then falls back to the map instead of keeping a stale override). Placeholders as in xliff.
 */
export const OVERRIDES = {
  // "Username" on the staff form: the map would give 登入帳戶 (an account, not its name).
  登入帳號: '用戶名稱',
};

const PLACEHOLDER = /<x\b[^>]*\/>/g;

/** Maps the text of one zh-Hant target (xliff inner XML) to zh-HK; placeholders are kept byte for byte. */
export function toHongKong(target) {
  if (Object.hasOwn(OVERRIDES, target)) return OVERRIDES[target];
  const placeholders = target.match(PLACEHOLDER) ?? [];
  const texts = target.split(PLACEHOLDER).map((text) => TERMS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text));
  return texts.reduce((out, text, i) => out + text + (placeholders[i] ?? ''), '');
}

/** The placeholders of a target, sorted, for comparing two targets. */
export const placeholdersOf = (target) => (target.match(PLACEHOLDER) ?? []).sort();

/** The zh-HK catalogue for one zh-Hant catalogue's text. Throws if a placeholder would be lost. */
export function hongKongCatalogue(zhHantXliff) {
  const withLanguage = zhHantXliff.replace(/target-language="zh-Hant"/, 'target-language="zh-HK"');
  if (withLanguage === zhHantXliff) throw new Error('not a zh-Hant xliff file (no target-language="zh-Hant")');
  return withLanguage.replace(/<target>([\s\S]*?)<\/target>/g, (_, target) => {
    const mapped = toHongKong(target);
    if (placeholdersOf(mapped).join('\n') !== placeholdersOf(target).join('\n')) {
      throw new Error(`placeholders changed in zh-HK for zh-Hant target: ${target}`);
    }
    return `<target>${mapped}</target>`;
  });
}

/** Writes zh-HK.xlf beside every zh-Hant.xlf under `root`; returns the files written. */
export function writeHongKongCatalogues(root) {
  const written = [];
  for (const dir of CATALOGUES) {
    const source = join(root, dir, 'zh-Hant.xlf');
    if (!existsSync(source)) continue;
    const out = join(root, dir, 'zh-HK.xlf');
    const text = hongKongCatalogue(readFileSync(source, 'utf8'));
    if (!existsSync(out) || readFileSync(out, 'utf8') !== text) writeFileSync(out, text);
    written.push(out);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  for (const file of writeHongKongCatalogues(root)) console.log(`wrote ${file}`);
}
