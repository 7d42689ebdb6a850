import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handlerHashes, handlers, onCopy, onShare } from './handlers.ts';

/** Runs a handler's text as the browser does: a function of `event`, called on its element. */
const run = (text: string, element: object, event: object = {}) =>
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling handler text is what this test is for.
  new Function('event', text).call(element, event) as unknown;

/** A stand-in for document.querySelector over a few named elements. */
function page(elements: Record<string, object | null>) {
  vi.stubGlobal('document', { querySelector: (selector: string) => elements[selector] ?? null });
}

const flush = () => new Promise((resolve) => setTimeout(resolve));

afterEach(() => vi.unstubAllGlobals());

describe('onShare', () => {
  const button = { dataset: { title: 'Launch', url: 'https://example.org/news/a/' } };

  it('opens the device share sheet with the title and address', () => {
    const share = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { share });
    const copyButton = { click: vi.fn() };
    page({ '[data-copy-link]': copyButton });
    run(onShare, button);
    expect(share).toHaveBeenCalledWith({ title: 'Launch', url: 'https://example.org/news/a/' });
    expect(copyButton.click).not.toHaveBeenCalled();
  });

  it('copies the link where the browser has no share sheet', () => {
    vi.stubGlobal('navigator', {});
    const copyButton = { click: vi.fn() };
    page({ '[data-copy-link]': copyButton });
    run(onShare, button);
    expect(copyButton.click).toHaveBeenCalledOnce();
  });

  it('copies the link when the sheet fails, but not when the reader closes it', async () => {
    const copyButton = { click: vi.fn() };
    page({ '[data-copy-link]': copyButton });
    vi.stubGlobal('navigator', { share: () => Promise.reject(new DOMException('closed', 'AbortError')) });
    run(onShare, button);
    await flush();
    expect(copyButton.click).not.toHaveBeenCalled();
    vi.stubGlobal('navigator', { share: () => Promise.reject(new DOMException('no', 'NotAllowedError')) });
    run(onShare, button);
    await flush();
    expect(copyButton.click).toHaveBeenCalledOnce();
  });
});

describe('onCopy', () => {
  const button = {
    dataset: { url: 'https://example.org/news/a/', done: 'Link copied', failed: 'Copy this: https://…' },
  };

  it('copies the address and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const status = { textContent: '' };
    page({ '[data-share-status]': status });
    run(onCopy, button);
    await flush();
    expect(writeText).toHaveBeenCalledWith('https://example.org/news/a/');
    expect(status.textContent).toBe('Link copied');
  });

  it('clears its message before a second copy, so that a screen reader says it again', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.resolve() } });
    const status = { textContent: 'Link copied' };
    page({ '[data-share-status]': status });
    run(onCopy, button);
    // Cleared at once, said again once the copy is done.
    expect(status.textContent).toBe('');
    await flush();
    expect(status.textContent).toBe('Link copied');
  });

  it('shows the address to copy by hand when the browser will not copy', async () => {
    const status = { textContent: '' };
    page({ '[data-share-status]': status });
    vi.stubGlobal('navigator', {});
    run(onCopy, button);
    await flush();
    expect(status.textContent).toBe('Copy this: https://…');
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    status.textContent = '';
    run(onCopy, button);
    await flush();
    expect(status.textContent).toBe('Copy this: https://…');
  });
});

describe('handlerHashes', () => {
  it('is the sha256 of each handler’s exact text, as a CSP hash source', () => {
    expect(handlerHashes).toHaveLength(handlers.length);
    expect(handlerHashes[0]).toBe(`'sha256-${createHash('sha256').update(onShare).digest('base64')}'`);
    for (const hash of handlerHashes) expect(hash).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });
});
