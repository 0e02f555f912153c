'use client';
import { useSyncExternalStore } from 'react';
import { describeDue, type ReminderBook } from '@/lib/tools/reminders';

/** The reminders on this device, soonest first, each with a Delete button. */
export function RemindersList({ book }: { book: ReminderBook }) {
  const reminders = useSyncExternalStore(book.subscribe, book.list, book.list);
  const now = new Date();
  return (
    <section aria-labelledby="reminders-heading" className="side-section">
      <h3 id="reminders-heading">Reminders</h3>
      {reminders.length === 0 ? (
        <p className="muted">None yet. Say “remind me to … at 5 pm”.</p>
      ) : (
        <ul className="reminder-list" data-testid="reminder-list">
          {reminders.map((r) => (
            <li key={r.id} data-testid="reminder-item" className={r.notifiedAt ? 'is-done' : ''}>
              <span>{r.text} — <time dateTime={new Date(r.dueAt).toISOString()}>{describeDue(new Date(r.dueAt), now)}</time>{r.notifiedAt ? ' (done)' : ''}</span>
              <button type="button" className="link-button" onClick={() => book.remove(r.id)} aria-label={`Delete reminder: ${r.text}`}>Delete</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
