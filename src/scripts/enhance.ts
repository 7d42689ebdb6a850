/**
 * The only script of content pages, well under 1 KB: small enhancements of things that
 * already work without it. The "/" key opens search; on an article, the device's share
 * sheet and a copy-link button appear where the browser offers them (the plain share links
 * work without any script). The search page loads its own script.
 */
import { listenForSearchKey } from './searchShortcut.ts';

const searchLink = document.querySelector<HTMLAnchorElement>('[data-search-link]');
if (searchLink) listenForSearchKey(searchLink.href);

const device = document.querySelector<HTMLElement>('[data-share-device]');
const copy = document.querySelector<HTMLElement>('[data-share-copy]');
const status = document.querySelector<HTMLElement>('[data-share-status]');
if (device && 'share' in navigator) {
  device.hidden = false;
  device.querySelector('button')?.addEventListener('click', (event) => {
    const { url = '', title = '' } = (event.currentTarget as HTMLElement).dataset;
    navigator.share({ url, title }).catch(() => {});
  });
}
if (copy && navigator.clipboard) {
  copy.hidden = false;
  copy.querySelector('button')?.addEventListener('click', async (event) => {
    const { url = '', done = '' } = (event.currentTarget as HTMLElement).dataset;
    await navigator.clipboard.writeText(url);
    if (status) status.textContent = done;
  });
}
