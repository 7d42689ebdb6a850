/**
 * Fills `{name}` placeholders of an interface string. Kept apart from the dictionaries so
 * the search page's script can use it without bundling them.
 * @example fill('Page {n} of {total}', { n: 2, total: 5 }) // "Page 2 of 5"
 */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
