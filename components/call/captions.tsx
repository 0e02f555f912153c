'use client';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { SafetyCard } from '@/components/guardrails/safety-card';
import type { CallStore } from '@/lib/call/store';

/** Live captions for both sides; a polite live region so screen readers hear new lines. */
export function Captions({ store, companionName }: { store: CallStore; companionName: string }) {
  const captions = useStore(store, (s) => s.captions);
  const userSpeaking = useStore(store, (s) => s.phase === 'user-speaking');
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [captions, userSpeaking]);
  return (
    <section className="captions" aria-label="Captions">
      <ol ref={listRef} aria-live="polite" aria-relevant="additions text" data-testid="captions">
        {captions.length === 0 && !userSpeaking && <li className="caption-empty">Say hello, or open the keyboard to type.</li>}
        {captions.map((c) => (
          <li key={c.id} className={`caption caption-${c.speaker}`} data-testid={`caption-${c.speaker}`} data-final={c.final}>
            <span className="caption-who">{c.speaker === 'user' ? 'You' : c.speaker === 'tool' ? 'Tool' : companionName}</span>
            <span className="caption-text">{c.text || '…'}</span>
            {c.used && c.used.length > 0 && (
              <span className="caption-used" data-testid="caption-used">remembered: {c.used.join(' · ')}</span>
            )}
            {c.safety && <SafetyCard safety={c.safety} />}
            {c.sources && c.sources.length > 0 && (
              <span className="caption-used caption-sources" data-testid="caption-sources">
                source:{' '}
                {c.sources.map((s, i) => (
                  <span key={s.href}>
                    {i > 0 && ' · '}
                    {/* A new tab, so the call goes on. */}
                    <a href={s.href} target="_blank" rel="noopener">{s.section ? `${s.title} › ${s.section}` : s.title}</a>
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
        {userSpeaking && (
          <li className="caption caption-user caption-live" data-testid="user-speaking-indicator">
            <span className="caption-who">You</span>
            <span className="caption-text">speaking…</span>
          </li>
        )}
      </ol>
    </section>
  );
}
