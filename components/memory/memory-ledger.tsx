'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { matchesPersonaFilter, personasIn } from '@/lib/memory/persona-scope';
import type { SerializedRecord } from '@/lib/memory/schema';
import { findPersona } from '@/lib/persona/personas';
import { personaStore } from '@/lib/persona/store';
import type { MemoryTier } from '@/lib/memory/types';
import { MemoryClient } from './memory-client';

const TIERS: { value: MemoryTier | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'episodic', label: 'Moments' },
  { value: 'semantic', label: 'Facts' },
  { value: 'procedural', label: 'Preferences' },
];

/** The memory ledger: browse by tier, search, see quote and date, edit, pin, delete, forget, export, import. */
export function MemoryLedger({ profileId = 'default' }: { profileId?: string }) {
  const client = useRef<MemoryClient | null>(null);
  const [records, setRecords] = useState<SerializedRecord[]>([]);
  const [tier, setTier] = useState<MemoryTier | 'all'>('all');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('Opening your memories…');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [persona, setPersona] = useState('all');
  const custom = useStore(personaStore, (s) => s.custom);
  useEffect(() => {
    if (!personaStore.persist.hasHydrated()) void personaStore.persist.rehydrate();
  }, []);
  const nameOf = useCallback((id: string) => findPersona(id, custom)?.name ?? id, [custom]);
  const personas = useMemo(() => personasIn(records), [records]);

  const refresh = useCallback(async () => {
    const reply = await client.current?.request({ type: 'list' });
    if (reply?.type === 'records') setRecords(reply.records);
  }, []);

  useEffect(() => {
    const c = new MemoryClient(profileId);
    client.current = c;
    c.onError = setStatus;
    void c.ready.then((r) => {
      setStatus(`${r.records} memories, stored encrypted on this device${r.embedder ? '' : ' (keyword search only)'}.`);
      void refresh();
    });
    return () => c.dispose();
  }, [profileId, refresh]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return records
      .filter((r) => tier === 'all' || r.tier === tier)
      // A persona that no longer has memories (the select hides it) falls back to all.
      .filter((r) => matchesPersonaFilter(r, persona === 'none' || personas.includes(persona) ? persona : 'all'))
      .filter((r) => !q || r.text.toLowerCase().includes(q) || r.provenance.quote.toLowerCase().includes(q))
      .sort((a, b) => b.provenance.saidAt - a.provenance.saidAt);
  }, [records, tier, query, persona, personas]);

  const act = async (message: Parameters<MemoryClient['request']>[0]) => {
    const reply = await client.current?.request(message);
    if (reply?.type === 'error') setStatus(reply.message);
    await refresh();
  };

  /** Saves an edit: the worker re-embeds and re-indexes the record and keeps the old text as an edit note. */
  const saveEdit = async () => {
    if (!editing) return;
    const text = editing.text.trim();
    if (!text) {
      setStatus('A memory cannot be empty; use Delete to remove it. Your text is still in the box.');
      return;
    }
    const reply = await client.current?.request({ type: 'update', id: editing.id, text });
    if (reply?.type === 'error') {
      // Keep the box open with the user's text: nothing is lost.
      setStatus(reply.message);
      return;
    }
    setStatus(reply?.type === 'done' && reply.changed ? 'Memory updated.' : 'That memory no longer exists.');
    setEditing(null);
    await refresh();
  };

  const exportFile = async () => {
    const reply = await client.current?.request({ type: 'export' });
    if (reply?.type !== 'exported') return;
    const url = URL.createObjectURL(new Blob([reply.json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'kin-memories.json';
    a.click();
    URL.revokeObjectURL(url);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const reply = await client.current?.request({ type: 'import', json: await file.text() });
    setStatus(reply?.type === 'done' ? `Imported ${reply.changed} memories.` : reply?.type === 'error' ? reply.message : 'Import failed.');
    await refresh();
  };

  return (
    <section className="memory-ledger" data-testid="memory-ledger">
      <p className="muted" role="status" data-testid="memory-status">{status}</p>
      <div className="toolbar">
        {TIERS.map((t) => (
          <button key={t.value} type="button" aria-pressed={tier === t.value} onClick={() => setTier(t.value)} data-testid={`memory-tier-${t.value}`}>{t.label}</button>
        ))}
        {personas.length > 0 && (
          <label>Companion{' '}
            <select value={persona} onChange={(e) => setPersona(e.target.value)} data-testid="memory-persona-filter">
              <option value="all">All companions</option>
              {personas.map((id) => <option key={id} value={id}>{nameOf(id)}</option>)}
              <option value="none">No companion recorded</option>
            </select>
          </label>
        )}
        <input type="search" placeholder="Search memories" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search memories" data-testid="memory-search" />
      </div>
      <ul className="memory-list">
        {shown.map((r) => (
          <li key={r.id} data-testid="memory-item">
            {editing?.id === r.id ? (
              <form className="memory-edit" onSubmit={(e) => { e.preventDefault(); void saveEdit(); }}>
                <label className="visually-hidden" htmlFor={`memory-edit-${r.id}`}>Edit this memory</label>
                <textarea id={`memory-edit-${r.id}`} autoFocus rows={3} maxLength={2000} value={editing.text} data-testid="memory-edit-text"
                  onChange={(e) => setEditing({ id: r.id, text: e.target.value })}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setEditing(null);
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void saveEdit(); }
                  }} />
                <button type="submit" data-testid="memory-edit-save">Save</button>
                <button type="button" onClick={() => setEditing(null)} data-testid="memory-edit-cancel">Cancel</button>
              </form>
            ) : (
              <p><strong>{r.text}</strong>{r.pinned ? ' 📌' : ''}{r.sensitive ? <span className="muted"> · sensitive ({r.sensitiveKinds.join(', ')})</span> : null}</p>
            )}
            <p className="muted">“{r.provenance.quote}” — {new Date(r.provenance.saidAt).toLocaleDateString()} · {r.tier} · strength {Math.round(r.decayScore * 100)}%{r.archived ? ' · archived' : ''}
              {r.provenance.personaId ? ` · said to ${nameOf(r.provenance.personaId)}` : ''}
              <span data-testid="memory-scope">{r.onlyFor ? ` · only for ${nameOf(r.onlyFor)}` : ' · all companions'}</span>
              {r.edits?.length ? <span data-testid="memory-edited"> · edited by you {new Date(r.edits[r.edits.length - 1].at).toLocaleString()} (was “{r.edits[r.edits.length - 1].previousText}”)</span> : null}</p>
            {editing?.id !== r.id && <button type="button" onClick={() => setEditing({ id: r.id, text: r.text })} data-testid="memory-edit">Edit</button>}
            {r.onlyFor ? (
              <button type="button" onClick={() => act({ type: 'scope', id: r.id, onlyFor: null })} data-testid="memory-scope-all">Share with all companions</button>
            ) : r.provenance.personaId ? (
              <button type="button" onClick={() => act({ type: 'scope', id: r.id, onlyFor: r.provenance.personaId ?? null })} data-testid="memory-scope-only">Only for {nameOf(r.provenance.personaId)}</button>
            ) : null}
            <button type="button" onClick={() => act({ type: 'pin', id: r.id, pinned: !r.pinned })}>{r.pinned ? 'Unpin' : 'Pin'}</button>
            <button type="button" onClick={() => act({ type: 'delete', id: r.id })} data-testid="memory-delete">Delete</button>
            <button type="button" onClick={() => act({ type: 'forget-session', sessionId: r.provenance.sessionId })}>Forget this conversation</button>
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <button type="button" onClick={exportFile} data-testid="memory-export">Export JSON</button>
        <label>Import JSON <input type="file" accept="application/json" onChange={(e) => void importFile(e.target.files?.[0])} data-testid="memory-import" /></label>
        <button type="button" onClick={() => { if (confirm('Forget everything? This cannot be undone.')) void act({ type: 'forget-all' }); }} data-testid="memory-forget-all">Forget everything</button>
      </div>
    </section>
  );
}
