'use client';
import { useStore } from 'zustand';
import { noticeStore } from '@/lib/storage/notices';

/** App-wide notices (storage full, unreadable data). */
export function NoticeArea() {
  const notices = useStore(noticeStore, (s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="app-notices" role="alert">
      {notices.map((n) => (
        <div key={n.id} className="notice" data-testid={`app-notice-${n.code}`}>
          <span>{n.message}</span>
          <button type="button" className="link-button" onClick={() => noticeStore.getState().dismiss(n.id)} aria-label="Dismiss notice">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
