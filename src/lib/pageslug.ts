/**
 * The chapter a component is rendered in, from the page's URL: the last path
 * segment (/chapters/reference-counting/ → "reference-counting"), "home"
 * elsewhere. Components use it to find their chapter's recordings and to key
 * what they save in localStorage.
 */
export function pageChapter(pathname: string): string {
  const segments = pathname.split('/').filter((s) => s !== '' && s !== 'index.html');
  return segments.length > 0 ? segments[segments.length - 1] : 'home';
}
