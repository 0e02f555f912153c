import { MemoryLedger } from '@/components/memory/memory-ledger';

export const metadata = { title: 'Memories — Kin' };

export default function MemoriesPage() {
  return (
    <main id="main" className="page memories">
      <h1>Memories</h1>
      <p className="lead">What your companion remembers, where it heard it, and when. Edit, pin, delete or export anything; it stays on this device, encrypted.</p>
      <MemoryLedger />
    </main>
  );
}
