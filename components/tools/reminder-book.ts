'use client';
import { browserLocalStorage } from '@/lib/storage/safe-storage';
import { ReminderBook } from '@/lib/tools/reminders';

let reminderBook: ReminderBook | null = null;

/** The reminders on this device (one book per page, shared by the call and the app-wide alerts). */
export function getReminderBook(): ReminderBook {
  reminderBook ??= new ReminderBook(browserLocalStorage());
  return reminderBook;
}
