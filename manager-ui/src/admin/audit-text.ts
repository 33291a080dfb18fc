/** The audit log's words: the records that hold personal data, and what was done with them. */
import { msg } from '@lit/localize';
import type { AuditAction, RecordType } from '../../../protocol/record-kinds.js';

export function recordTypeName(type: RecordType): string {
  switch (type) {
    case 'complaint':
      return msg('Complaint');
    case 'customer':
      return msg('Customer resource sheet');
    case 'referral':
      return msg('Referral');
    case 'diary':
      return msg('Work diary');
    case 'rating':
      return msg('Rating comment');
    case 'survey_answer':
      return msg('Survey answer');
    case 'webhook':
      return msg('Webhook');
  }
}

export function auditActionName(action: AuditAction): string {
  switch (action) {
    case 'read':
      return msg('Read');
    case 'create':
      return msg('Created');
    case 'update':
      return msg('Changed');
    case 'delete':
      return msg('Deleted');
    case 'import':
      return msg('Imported');
    case 'export':
      return msg('Exported');
  }
}
