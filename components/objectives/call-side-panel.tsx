'use client';
import { ObjectivesPanel } from '@/components/objectives/objectives-panel';
import { RemindersList } from '@/components/tools/reminders-list';
import type { CallTools } from '@/components/tools/call-tools';

/** The call's side panel: the persona's objectives and the user's reminders. */
export function CallSidePanel({ tools, personaName }: { tools: CallTools; personaName: string }) {
  return (
    <aside className="call-side-panel card" id="call-side-panel" aria-label="Goals and reminders" data-testid="call-side-panel">
      <ObjectivesPanel tracker={tools.objectives} personaName={personaName} />
      <RemindersList book={tools.reminders} />
    </aside>
  );
}
