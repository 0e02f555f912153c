import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NoticeArea } from '@/components/ui/notice-area';
import { OfflineBanner } from '@/components/ui/offline-banner';
import { StoreHydrator } from '@/components/ui/store-hydrator';
import { ReminderAlerts } from '@/components/tools/reminder-alerts';
import './globals.css';

export const metadata: Metadata = {
  title: 'Kin — a companion that sees, listens and remembers, on your device',
  description: 'Video-chat with a warm AI companion. Private by default: your camera and voice stay on your device.',
  applicationName: 'Kin',
  appleWebApp: { capable: true, title: 'Kin', statusBarStyle: 'default' },
  icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = {
  themeColor: '#2f5d50',
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">Skip to content</a>
        <header className="topbar">
          <Link href="/" className="brand" aria-label="Kin home"><span className="brand-mark" aria-hidden="true">◡</span> <span className="brand-word">Kin</span></Link>
          <nav aria-label="Main">
            <Link href="/">Companions</Link>
            <Link href="/memories">Memories</Link>
            <Link href="/knowledge">Knowledge</Link>
            <Link href="/settings">Settings</Link>
          </nav>
        </header>
        <OfflineBanner />
        <NoticeArea />
        <ReminderAlerts />
        {children}
        <StoreHydrator />
      </body>
    </html>
  );
}
