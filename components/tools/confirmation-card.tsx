'use client';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { Confirmations } from '@/lib/tools/confirmations';

/**
 * The card a tool with side effects shows before it runs. Focus moves to Confirm so Enter or Space
 * answers; Escape cancels; both buttons are ordinary buttons in the tab order.
 */
export function ConfirmationCard({ confirmations }: { confirmations: Confirmations }) {
  const pending = useStore(confirmations.store, (s) => s.pending);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const titleId = `confirm-title-${pending.id}`;
  const detailId = `confirm-detail-${pending.id}`;
  return (
    <section className="card confirm-card" role="alertdialog" aria-modal="false" aria-labelledby={titleId} aria-describedby={detailId} data-testid="tool-confirmation"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); confirmations.answer(pending.id, false); } }}>
      <h2 id={titleId} className="confirm-title">{pending.title}</h2>
      <p id={detailId} className="confirm-detail" data-testid="tool-confirmation-detail">{pending.detail}</p>
      <div className="actions">
        <button ref={confirmRef} type="button" className="primary" onClick={() => confirmations.answer(pending.id, true)} data-testid="tool-confirm">{pending.confirmLabel}</button>
        <button type="button" className="secondary" onClick={() => confirmations.answer(pending.id, false)} data-testid="tool-cancel">Cancel</button>
      </div>
    </section>
  );
}
