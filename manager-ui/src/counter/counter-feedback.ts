/**
 * What the counter page's status line says after each action, in the words the hall's display
 * uses for the same event: "Called A031", "Completed A023", "Transferred A023 to B", "Marked A023 as no-show".
 */
import { msg, str } from '@lit/localize';

export type CounterFeedback =
  | { kind: 'called'; number: string; directly: boolean }
  | { kind: 'nobody_waiting' }
  | { kind: 'recalled' | 'started' | 'completed' | 'no_show' | 'no_show_undone'; number: string }
  | { kind: 'completed_and_called'; number: string; next: string | null }
  | { kind: 'transferred'; number: string; service: string }
  | { kind: 'paused'; reason: string }
  | { kind: 'resumed' };

export function feedbackText(feedback: CounterFeedback): string {
  switch (feedback.kind) {
    case 'called':
      return feedback.directly ? msg(str`Called ${feedback.number} directly`) : msg(str`Called ${feedback.number}`);
    case 'nobody_waiting':
      return msg('Nobody is waiting for your services.');
    case 'recalled':
      return msg(str`Called ${feedback.number} again`);
    case 'started':
      return msg(str`Serving ${feedback.number}`);
    case 'completed':
      return msg(str`Completed ${feedback.number}`);
    case 'completed_and_called':
      return feedback.next
        ? msg(str`Completed ${feedback.number} · Called ${feedback.next}`)
        : msg(str`Completed ${feedback.number} · Nobody is waiting`);
    case 'transferred':
      return msg(str`Transferred ${feedback.number} to ${feedback.service}`);
    case 'no_show':
      return msg(str`Marked ${feedback.number} as no-show`);
    case 'no_show_undone':
      return msg(str`${feedback.number} is back at your counter`);
    case 'paused':
      return msg(str`Paused: ${feedback.reason}`);
    case 'resumed':
      return msg('Counter open again');
  }
}
