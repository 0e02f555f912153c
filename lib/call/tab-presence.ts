/**
 * Tells calls in different tabs of this browser about each other (BroadcastChannel), so a second
 * tab explains why the camera may be busy instead of failing silently.
 */
export type PresenceMessage = { type: 'call-started' | 'call-ended' | 'ping' | 'pong'; tabId: string };

export class TabPresence {
  private readonly channel: BroadcastChannel | null;
  private readonly tabId: string;
  private readonly others = new Set<string>();
  private readonly onChange: (otherCalls: number) => void;

  constructor(onChange: (otherCalls: number) => void, tabId = Math.random().toString(36).slice(2)) {
    this.onChange = onChange;
    this.tabId = tabId;
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('kin-call');
    if (this.channel) this.channel.onmessage = (event: MessageEvent<PresenceMessage>) => this.receive(event.data);
  }

  /** Announces this tab's call and asks which other tabs are in one. */
  announce(): void {
    this.post('call-started');
    this.post('ping');
  }

  private receive(message: PresenceMessage): void {
    if (!message || message.tabId === this.tabId) return;
    if (message.type === 'ping') return this.post('pong');
    const before = this.others.size;
    if (message.type === 'call-ended') this.others.delete(message.tabId);
    else this.others.add(message.tabId);
    if (this.others.size !== before) this.onChange(this.others.size);
  }

  private post(type: PresenceMessage['type']): void {
    this.channel?.postMessage({ type, tabId: this.tabId } satisfies PresenceMessage);
  }

  dispose(): void {
    this.post('call-ended');
    this.channel?.close();
  }
}
