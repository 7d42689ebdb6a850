/**
 * The only script content pages carry: two inline event handlers, on the share buttons. A
 * browser compiles a handler attribute when its event first fires, so no script runs before
 * the reader acts, and nothing is fetched for it. Each adds to something that works without
 * it, the plain share links.
 *
 * There is no single-key shortcut (such as "/" for search): WCAG 2.1.4 asks that a reader can
 * turn one off or remap it, and on the Thai Kedmanee keyboard "/" is the unshifted 2 key.
 *
 * They are exact strings, not modules, because the Content-Security-Policy allows them by
 * the sha256 of their text ('unsafe-hashes', src/config/headers.ts): any other handler text,
 * such as one smuggled into a page, does not run. Change a letter and the hash follows.
 */
import { createHash } from 'node:crypto';

/**
 * On the "Share…" button: the device's share sheet where the browser offers one, else the
 * "Copy link" button's work. Closing the sheet unshared is not an error.
 */
export const onShare =
  'let d=this.dataset,copy=()=>document.querySelector("[data-copy-link]").click();' +
  "navigator.share?navigator.share({title:d.title,url:d.url}).catch(e=>e.name=='AbortError'||copy()):copy()";

/**
 * On the "Copy link" button: copies the article's address and says so; where the browser
 * will not copy (no clipboard, permission refused), it shows the address to copy by hand.
 * The message is cleared first, so a screen reader says it again on a second copy.
 */
export const onCopy =
  'let d=this.dataset,status=document.querySelector("[data-share-status]");status.textContent="";' +
  'Promise.resolve(d.url).then(url=>navigator.clipboard.writeText(url))' +
  '.then(()=>{status.textContent=d.done},()=>{status.textContent=d.failed})';

/** Every handler a page may carry. */
export const handlers = [onShare, onCopy];

/** CSP hash sources of the handlers, in the form `'sha256-…'`. */
export const handlerHashes = handlers.map(
  (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
);
