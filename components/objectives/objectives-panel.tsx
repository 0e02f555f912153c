'use client';
import { useSyncExternalStore } from 'react';
import type { ObjectiveTracker } from '@/lib/objectives/tracker';

const STATUS_WORDS = { open: 'Not yet', asked: 'Asked', done: 'Done' } as const;

/** The persona's objectives with where each stands; Reset clears progress for this persona. */
export function ObjectivesPanel({ tracker, personaName }: { tracker: ObjectiveTracker; personaName: string }) {
  const progress = useSyncExternalStore(tracker.subscribe, tracker.progress, tracker.progress);
  const done = progress.filter((p) => p.status === 'done').length;
  return (
    <section aria-labelledby="objectives-heading" className="side-section" data-testid="objectives-panel">
      <h3 id="objectives-heading">{personaName}’s goals for today</h3>
      {progress.length === 0 ? (
        <p className="muted">This companion has no goals set.</p>
      ) : (
        <>
          <p className="muted" data-testid="objectives-summary">{done} of {progress.length} done</p>
          <ol className="objective-list">
            {progress.map((p) => (
              <li key={p.id} className={`objective objective-${p.status}`} data-testid="objective-item" data-status={p.status}>
                <span className="objective-title">{p.title}</span>
                <span className="objective-status">{STATUS_WORDS[p.status]}{p.doneAt ? ` · ${new Date(p.doneAt).toLocaleString('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit' })}` : ''}</span>
                {p.evidence && <span className="objective-evidence">“{p.evidence}”</span>}
              </li>
            ))}
          </ol>
          <button type="button" className="secondary" onClick={() => tracker.reset()} data-testid="objectives-reset">Reset progress</button>
        </>
      )}
    </section>
  );
}
