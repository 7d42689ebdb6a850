/**
 * The only script content pages carry: three inline event handlers. A browser compiles a
 * handler attribute when its event first fires, so no script runs before the reader acts,
 * and nothing is fetched for it. Each adds to something that works without it: the header's
 * search link, the plain share links.
 *
 * They are exact strings, not modules, because the Content-Security-Policy allows them by
 * the sha256 of their text ('unsafe-hashes', src/config/headers.ts): any other handler text,
 * such as one smuggled into a page, does not run. Change a letter and the hash follows.
 */
import { createHash } from 'node:crypto';

/**
 * On `<body>`: the "/" key opens search, as on most sites with search; on the search page it
 * focuses the search box instead. Ignored with a modifier key or while typing in a field.
 */
export const onSearchKey =
  "if(event.key=='/'&&!event.ctrlKey&&!event.metaKey&&!event.altKey" +
  "&&!event.target.closest('input,textarea,select,[contenteditable]')){" +
  'event.preventDefault();' +
  "let box=document.querySelector('form[role=search] input');" +
  "box&&!box.closest('[hidden]')?box.focus():location.assign(document.querySelector('[data-search-link]').href)}";

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
 */
export const onCopy =
  'let d=this.dataset,status=document.querySelector("[data-share-status]");' +
  'Promise.resolve(d.url).then(url=>navigator.clipboard.writeText(url))' +
  '.then(()=>{status.textContent=d.done},()=>{status.textContent=d.failed})';

/** Every handler a page may carry. */
export const handlers = [onSearchKey, onShare, onCopy];

/** CSP hash sources of the handlers, in the form `'sha256-…'`. */
export const handlerHashes = handlers.map(
  (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
);
