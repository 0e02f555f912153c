/**
 * Writes a small but real PDF 1.4 file (Helvetica text, correct xref offsets) for tests: each line
 * is [fontSize, text]; a new page starts at a line whose text is "\f".
 */
export function makePdf(lines: readonly [number, string][], title?: string): Uint8Array {
  const pages: [number, string][][] = [[]];
  for (const line of lines) {
    if (line[1] === '\f') pages.push([]);
    else pages[pages.length - 1].push(line);
  }
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((pageLines, i) => {
    let y = 760;
    const ops = pageLines.map(([size, text]) => {
      const op = `BT /F1 ${size} Tf 50 ${y} Td (${escape(text)}) Tj ET`;
      y -= size * 1.6;
      return op;
    });
    const stream = ops.join('\n');
    objects[4 + i * 2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`;
    objects[5 + i * 2] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  objects[infoId] = title ? `<< /Title (${escape(title)}) >>` : '<< >>';
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
