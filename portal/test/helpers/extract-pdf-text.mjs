// Reads a PDF on stdin and prints {"text", "pages"} as JSON. Run by pdf-text.ts in a plain Node process:
// pdf.js starts its worker with a dynamic import, which jest's CommonJS sandbox cannot do.
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const result = await parser.getText();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
} finally {
  await parser.destroy();
}
