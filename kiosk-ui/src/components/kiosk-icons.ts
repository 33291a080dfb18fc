/**
 * Line icons drawn by the kiosk itself. Services carry an emoji icon from the server, but a kiosk
 * PC often has no colour-emoji font; the known ones are drawn here so they look the same everywhere.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

const paths: Record<string, SVGTemplateResult> = {
  banknote: svg`<rect x="2" y="6" width="20" height="12" rx="2" /><circle cx="12" cy="12" r="2.6" /><path d="M6 9.5v5M18 9.5v5" />`,
  transfer: svg`<path d="M4 8h14l-3.5-3.5" /><path d="M20 16H6l3.5 3.5" />`,
  card: svg`<rect x="2" y="5" width="20" height="14" rx="2" /><path d="M2 10h20M6 15h5" />`,
  globe: svg`<circle cx="12" cy="12" r="9" /><path d="M3 12h18M12 3c3.2 3.4 3.2 14.6 0 18M12 3c-3.2 3.4-3.2 14.6 0 18" />`,
  growth: svg`<path d="M3 20h18" /><path d="M5 16l5-5 4 3 6-7" /><path d="M16 7h4v4" />`,
  star: svg`<path d="M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9z" />`,
  accessible: svg`<circle cx="13" cy="4" r="2" /><path d="M13 7.5V13h4.5l2 6" /><path d="M10 10.2a5.5 5.5 0 1 0 6.8 7.3" />`,
  atm: svg`<rect x="3" y="3" width="18" height="11" rx="2" /><path d="M6 14v7h12v-7M9 17.5h6M7 7h10v4H7z" />`,
  terminal: svg`<rect x="5" y="2" width="14" height="20" rx="2" /><rect x="8" y="5" width="8" height="6" /><path d="M8 15h2M14 15h2M8 18.5h2M14 18.5h2" />`,
  person: svg`<circle cx="12" cy="7" r="4" /><path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8" />`,
};

/** The emoji the demo and most branches use, mapped to the kiosk's own drawings. */
const EMOJI: Record<string, keyof typeof paths> = {
  '💴': 'banknote',
  '💵': 'banknote',
  '💰': 'banknote',
  '🔁': 'transfer',
  '💸': 'transfer',
  '💳': 'card',
  '💱': 'globe',
  '🌐': 'globe',
  '📈': 'growth',
  '⭐': 'star',
  '🌟': 'star',
  '♿': 'accessible',
  '🏧': 'atm',
};

/** An icon by name, sized by the surrounding font size (1em). */
export function icon(name: keyof typeof paths): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${paths[name]}</svg>`;
}

/** A service's icon: our drawing for a known emoji, otherwise the emoji itself. */
export function serviceIcon(emoji: string): TemplateResult {
  const name = EMOJI[emoji.trim()];
  return name ? icon(name) : html`<span class="emoji" aria-hidden="true">${emoji}</span>`;
}

export type IconName = keyof typeof paths;
