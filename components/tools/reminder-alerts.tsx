'use client';
import { useEffect, useState } from 'react';
import type { Reminder, ReminderBook } from '@/lib/tools/reminders';
import { getReminderBook } from './reminder-book';

/** How often due reminders are checked, ms. */
const CHECK_EVERY_MS = 15_000;

/**
 * Tells the user when a reminder falls due, on every page of the app: a system notification when
 * permitted, and always an in-app alert (so nothing depends on the permission), until dismissed.
 */
export function ReminderAlerts({ book: given }: { book?: ReminderBook } = {}) {
  const [alerts, setAlerts] = useState<Reminder[]>([]);
  useEffect(() => {
    const book = given ?? getReminderBook();
    const check = () => {
      const now = new Date();
      const due = book.due(now);
      if (!due.length) return;
      for (const reminder of due) {
        book.markNotified(reminder.id, now);
        if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          try {
            new Notification('Kin reminder', { body: reminder.text, tag: reminder.id });
          } catch {
            // Some browsers only allow notifications from a service worker; the in-app alert shows anyway.
          }
        }
      }
      setAlerts((current) => [...current, ...due]);
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [given]);
  if (!alerts.length) return null;
  return (
    <div className="reminder-alerts" role="alert" data-testid="reminder-alerts">
      {alerts.map((r) => (
        <p key={r.id} className="notice">
          <strong>Reminder:</strong> {r.text}{' '}
          <button type="button" className="link-button" onClick={() => setAlerts((a) => a.filter((x) => x.id !== r.id))}>Dismiss</button>
        </p>
      ))}
    </div>
  );
}
