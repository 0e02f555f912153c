'use client';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import { DEMO_PERSONAS } from '@/lib/persona/personas';
import { personaStore } from '@/lib/persona/store';
import type { KnowledgeDoc, KnowledgeHit } from '@/lib/knowledge/types';
import { getKnowledgeClient, KnowledgeRequestError, searchKnowledge, type KnowledgeProgress } from './knowledge-client';
import { KNOWLEDGE_ERROR_TEXT } from './error-text';
import styles from './knowledge.module.css';

interface Job {
  id: number;
  name: string;
  progress: KnowledgeProgress | null;
  error: string | null;
  done: boolean;
}

interface Preview {
  doc: KnowledgeDoc;
  chunks: { id: string; section: string; text: string }[];
}

const STAGE_LABEL: Record<KnowledgeProgress['stage'], string> = { reading: 'Reading', embedding: 'Indexing', saving: 'Saving' };
let jobIds = 1;

function describeError(error: unknown): string {
  if (error instanceof KnowledgeRequestError) return `${KNOWLEDGE_ERROR_TEXT[error.code]} ${error.message}`;
  return String(error instanceof Error ? error.message : error);
}

/** Share of a job done, 0..1, across its three stages. */
function overall(p: KnowledgeProgress | null): number {
  if (!p) return 0;
  return p.stage === 'reading' ? 0.2 * p.fraction : p.stage === 'embedding' ? 0.2 + 0.7 * p.fraction : 0.9 + 0.1 * p.fraction;
}

/** Per-persona documents: add (picker or drop) with progress, list, preview, re-index, delete, try a search. */
export function KnowledgeManager() {
  const custom = useStore(personaStore, (s) => s.custom);
  const personas = useMemo(() => [...DEMO_PERSONAS, ...custom], [custom]);
  const [personaId, setPersonaId] = useState(DEMO_PERSONAS[0].id);
  const [docs, setDocs] = useState<KnowledgeDoc[]>([]);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [status, setStatus] = useState('Opening the knowledge base…');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<KnowledgeHit[] | null>(null);

  const refresh = useCallback(async (id: string) => {
    try {
      setDocs(await getKnowledgeClient().list(id));
    } catch (error) {
      setStatus(describeError(error));
    }
  }, []);

  const openPreview = useCallback(async (docId: string) => {
    const r = await getKnowledgeClient().request({ type: 'preview', docId });
    if (r.type === 'preview' && r.doc) setPreview({ doc: r.doc, chunks: r.chunks });
    else setStatus('That document is no longer stored.');
  }, []);

  // A link from a cited reply: /knowledge?doc=ID#CHUNK opens the document at that chunk.
  useEffect(() => {
    const docId = new URLSearchParams(location.search).get('doc');
    const chunk = location.hash ? decodeURIComponent(location.hash.slice(1)) : null;
    if (!docId) return;
    setTarget(chunk);
    void getKnowledgeClient().request({ type: 'preview', docId }).then((r) => {
      if (r.type !== 'preview' || !r.doc) return setStatus('That document is no longer stored.');
      setPersonaId(r.doc.personaId);
      setPreview({ doc: r.doc, chunks: r.chunks });
    });
  }, []);

  useEffect(() => {
    if (!target || !preview) return;
    document.getElementById(target)?.scrollIntoView({ block: 'center' });
  }, [target, preview]);

  useEffect(() => {
    const client = getKnowledgeClient();
    client.onError = setStatus;
    let live = true;
    setStatus('Loading this companion’s documents…');
    void client.ready.then((ready) => {
      if (!live) return;
      setStatus(ready.embedder ? `Search by meaning (${ready.embedder}) and by words; stored on this device.` : 'Search by words only (the search model did not load); stored on this device.');
    });
    void client
      .ensurePack(personaId)
      .catch((error) => live && setStatus(describeError(error)))
      .finally(() => live && void refresh(personaId));
    setResults(null);
    return () => {
      live = false;
    };
  }, [personaId, refresh]);

  const addFiles = useCallback(
    (files: FileList | File[]) => {
      for (const file of Array.from(files)) {
        const id = jobIds++;
        setJobs((all) => [...all, { id, name: file.name, progress: null, error: null, done: false }]);
        const update = (patch: Partial<Job>) => setJobs((all) => all.map((j) => (j.id === id ? { ...j, ...patch } : j)));
        getKnowledgeClient()
          .add(personaId, file, (progress) => update({ progress }))
          .then(() => {
            update({ done: true, progress: { stage: 'saving', fraction: 1 } });
            void refresh(personaId);
          })
          .catch((error) => update({ error: describeError(error) }));
      }
    },
    [personaId, refresh],
  );

  const reindex = useCallback(
    async (doc: KnowledgeDoc) => {
      const id = jobIds++;
      setJobs((all) => [...all, { id, name: `${doc.fileName} (re-index)`, progress: null, error: null, done: false }]);
      const update = (patch: Partial<Job>) => setJobs((all) => all.map((j) => (j.id === id ? { ...j, ...patch } : j)));
      try {
        await getKnowledgeClient().request({ type: 'reindex', docId: doc.id }, (progress) => update({ progress }));
        update({ done: true, progress: { stage: 'saving', fraction: 1 } });
        void refresh(personaId);
      } catch (error) {
        update({ error: describeError(error) });
      }
    },
    [personaId, refresh],
  );

  const remove = useCallback(
    async (doc: KnowledgeDoc) => {
      if (!window.confirm(`Delete “${doc.title}” from ${personas.find((p) => p.id === personaId)?.name ?? 'this companion'}’s documents?`)) return;
      await getKnowledgeClient().request({ type: 'delete', docId: doc.id });
      if (preview?.doc.id === doc.id) setPreview(null);
      void refresh(personaId);
    },
    [personaId, personas, preview, refresh],
  );

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) addFiles(event.dataTransfer.files);
  };

  return (
    <section data-testid="knowledge-manager">
      <div className={styles.row}>
        <label htmlFor="knowledge-persona">Companion</label>
        <select id="knowledge-persona" value={personaId} onChange={(e) => setPersonaId(e.target.value)} data-testid="knowledge-persona">
          {personas.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
      </div>
      <p className="muted" role="status" data-testid="knowledge-status">{status}</p>

      <div
        className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="knowledge-drop"
      >
        <p>Drop text, Markdown, HTML or PDF files here (up to 20 MB each), or</p>
        <label className="button-link primary">
          Choose files
          <input type="file" multiple accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf" hidden data-testid="knowledge-file-input" onChange={(e) => {
            if (e.target.files) addFiles(e.target.files);
            e.target.value = '';
          }} />
        </label>
      </div>

      {jobs.length > 0 && (
        <ul className={styles.jobs} aria-label="Indexing">
          {jobs.map((job) => (
            <li key={job.id} className={styles.job} data-testid="knowledge-job" data-state={job.error ? 'error' : job.done ? 'done' : 'running'}>
              <strong>{job.name}</strong>{' '}
              {job.error ? (
                <span className={styles.error} role="alert">{job.error}</span>
              ) : (
                <>
                  <span className="muted">{job.done ? 'Ready' : job.progress ? STAGE_LABEL[job.progress.stage] : 'Waiting'}</span>
                  <progress max={1} value={overall(job.progress)} aria-label={`Indexing ${job.name}`} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2>Documents</h2>
      {docs.length === 0 && <p className="muted">No documents yet.</p>}
      <ul className={styles.docs} data-testid="knowledge-docs">
        {docs.map((doc) => (
          <li key={doc.id} className={styles.doc} data-testid="knowledge-doc">
            <div className={styles.docHead}>
              <span><strong>{doc.title}</strong> <span className="muted">· {doc.fileName} · {doc.format} · {doc.chunks} chunks{doc.origin === 'pack' ? ' · built-in' : ''}{doc.embedder ? '' : ' · words only'}</span></span>
              <span className={styles.actions}>
                <button type="button" onClick={() => void openPreview(doc.id)}>Preview</button>
                <button type="button" onClick={() => void reindex(doc)}>Re-index</button>
                <button type="button" onClick={() => void remove(doc)}>Delete</button>
              </span>
            </div>
          </li>
        ))}
      </ul>

      <h2>Try a search</h2>
      <form className={styles.row} onSubmit={(e) => {
        e.preventDefault();
        if (query.trim()) void searchKnowledge(personaId, query, 5).then(setResults);
      }}>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Ask something the documents answer" aria-label="Search the documents" />
        <button type="submit">Search</button>
      </form>
      {results && (
        <ol className={styles.chunks} data-testid="knowledge-results">
          {results.length === 0 && <li className="muted">Nothing found.</li>}
          {results.map((hit) => (
            <li key={hit.chunkId} className={styles.chunk}>
              <div className={styles.section}>{hit.title}{hit.section ? ` › ${hit.section}` : ''} · score {hit.score.toFixed(2)}</div>
              {hit.text}
            </li>
          ))}
        </ol>
      )}

      {preview && (
        <section aria-label={`Preview of ${preview.doc.title}`} data-testid="knowledge-preview">
          <h2>{preview.doc.title}</h2>
          <p className="muted">{preview.doc.fileName} · {preview.doc.chunks} chunks · added {new Date(preview.doc.addedAt).toLocaleString()}</p>
          <ol className={styles.chunks}>
            {preview.chunks.map((chunk) => (
              <li key={chunk.id} id={chunk.id} className={`${styles.chunk} ${chunk.id === target ? styles.chunkTarget : ''}`} data-testid="knowledge-chunk">
                {chunk.section && <div className={styles.section}>{chunk.section}</div>}
                {chunk.text}
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
