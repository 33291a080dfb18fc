/** The tabs of the records page and their hashes: `#/records/complaints`. */
export const RECORD_TABS = ['complaints', 'customers', 'referrals', 'diary', 'checks', 'satisfaction'] as const;
export type RecordTab = (typeof RECORD_TABS)[number];

/** `#/records/diary` → 'diary'; the complaint log when the hash names no tab. */
export function recordTabFromHash(hash: string): RecordTab {
  const tab = hash.replace(/^#\/?/, '').split(/[?]/)[0].split('/')[1];
  return (RECORD_TABS as readonly string[]).includes(tab ?? '') ? (tab as RecordTab) : 'complaints';
}

export const recordTabHash = (tab: RecordTab) => `#/records/${tab}`;
