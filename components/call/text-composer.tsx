'use client';
import { useState, type FormEvent } from 'react';

/** Typed messages: Enter sends, the field keeps focus for the next one. */
export function TextComposer({ onSend, autoFocus }: { onSend(text: string): void; autoFocus: boolean }) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    onSend(text);
    setText('');
  };
  return (
    <form className="composer" onSubmit={submit} data-testid="composer">
      <label htmlFor="message" className="visually-hidden">Message</label>
      <input id="message" type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder="Type a message…"
        autoComplete="off" maxLength={2000} autoFocus={autoFocus} data-testid="message-input" />
      <button type="submit" className="primary" disabled={!text.trim()} data-testid="send-message">Send</button>
    </form>
  );
}
