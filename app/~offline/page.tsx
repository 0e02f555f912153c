import Link from 'next/link';

export const metadata = { title: 'Offline — Kin' };

export default function OfflinePage() {
  return (
    <main id="main" className="page-message">
      <h1>You’re offline</h1>
      <p>This page wasn’t saved for offline use yet. Calls with the built-in brain still work.</p>
      <Link href="/" className="primary button-link">Go to your companions</Link>
    </main>
  );
}
