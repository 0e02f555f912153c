import { KnowledgeManager } from '@/components/knowledge/knowledge-manager';

export const metadata = { title: 'Knowledge — Kin' };

export default function KnowledgePage() {
  return (
    <main id="main" className="page knowledge">
      <h1>Knowledge</h1>
      <p className="lead">Documents each companion can answer from, with the source named under the reply. Files are read, indexed and stored on this device only.</p>
      <KnowledgeManager />
    </main>
  );
}
