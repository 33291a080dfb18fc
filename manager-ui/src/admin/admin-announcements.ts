/** Placeholder: being built (issue 11). */
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import type { AdminApi } from './admin-api.js';
import { AdminSection } from './admin-section.js';
import { sectionStyles } from './admin-styles.js';

@localized()
@customElement('admin-announcements')
export class AdminAnnouncements extends AdminSection {
  static override styles = [sectionStyles];

  protected override async _reload(_admin: AdminApi) {}

  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-announcements': AdminAnnouncements;
  }
}
