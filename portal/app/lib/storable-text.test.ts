import { findUnstorableText, isStorableText } from './storable-text';

describe('storable text', () => {
  it('accepts any well-formed text, emoji and combining marks included', () => {
    for (const text of ['', 'plain', 'Ünïcödé', '💥 and 🐱', 'e\u0301', '\u202e', '\t\n']) expect(isStorableText(text)).toBe(true);
  });

  it('refuses NUL and lone surrogates', () => {
    for (const text of ['\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\udc00\ud800', '💥'.slice(0, 1)]) expect(isStorableText(text)).toBe(false);
  });

  it('names the path of the first bad string or key', () => {
    expect(findUnstorableText({ name: 'ok', lines: [{ description: 'fine' }, { description: 'bad\u0000' }] })).toBe('lines.1.description');
    expect(findUnstorableText({ nested: { ['\ud800']: 1 } })).toBe('nested.(a key)');
    expect(findUnstorableText('\u0000')).toBe('_');
    expect(findUnstorableText({ a: [1, true, null, { b: 'ok' }] })).toBeNull();
  });

  it('walks a deeply nested value without running out of stack', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toMatch(/^(0\.){49999}0$/);
  });
});
