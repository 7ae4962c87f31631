import { spawn } from 'node:child_process';
import path from 'node:path';

const EXTRACTOR = path.join(__dirname, 'extract-pdf-text.mjs');

/**
 * The text of a PDF as a reader would copy it (pdf-parse, i.e. pdf.js), with every run of white space
 * (no-break spaces too) made one space. Runs in a child process: see extract-pdf-text.mjs.
 */
export function readPdfText(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EXTRACTOR], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`PDF text extraction failed (${code}): ${stderr}`));
      const { text, pages } = JSON.parse(stdout) as { text: string; pages: number };
      resolve({ text: text.replace(/\s+/g, ' '), pages });
    });
    child.stdin.end(Buffer.from(pdf));
  });
}
