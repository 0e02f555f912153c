/**
 * Incremental parser for Server-Sent Events as sent by OpenAI-compatible servers
 * (`data: {...}\n\n`, `data: [DONE]`). Feed it text as it arrives; it returns complete events.
 */
export class SseParser {
  private buffer = '';

  /** Adds a chunk of the response body; returns the `data` payloads of the events completed by it. */
  push(chunk: string): string[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const events: string[] = [];
    let boundary = this.buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = this.buffer.slice(0, boundary);
      this.buffer = this.buffer.slice(boundary + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data) events.push(data);
      boundary = this.buffer.indexOf('\n\n');
    }
    return events;
  }

  /** Whatever is left when the stream ends (a server that omits the final blank line). */
  flush(): string[] {
    const rest = this.buffer;
    this.buffer = '';
    return rest.trim() ? this.push(rest + '\n\n') : [];
  }
}
