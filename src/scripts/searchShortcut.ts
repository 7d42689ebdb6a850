/**
 * The "/" key opens search from any page, as on most sites with search. On the search page
 * it focuses the search box instead. Ignored while the reader is typing in a field.
 */
export function listenForSearchKey(searchPath: string): void {
  addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable]')) return;
    event.preventDefault();
    const box = document.querySelector<HTMLInputElement>('form[role="search"] input');
    if (box && !box.closest('[hidden]')) box.focus();
    else location.href = searchPath;
  });
}
