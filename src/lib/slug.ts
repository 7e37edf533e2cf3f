/**
 * A chapter's id from its file name: `content/chapters/03-garbage-collection.mdx`
 * → `garbage-collection`. The id is the URL (/chapters/<slug>/), the chapter
 * part of every localStorage key and the name of its recording file, so
 * renumbering a chapter breaks none of them.
 */
export function chapterSlug(file: string): string {
  return file
    .replace(/^.*\//, '')
    .replace(/\.mdx$/, '')
    .replace(/^\d+-/, '');
}
