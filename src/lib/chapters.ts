// The course's chapters in reading order, shared by the home page, the chapter
// pages and the sidebar. Fails the build with a clear message when two chapters
// claim the same `order`.
import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

/** Published chapters (drafts too under `astro dev`), sorted by `order`. */
export async function getChapters(): Promise<Chapter[]> {
  const all: Chapter[] = await getCollection('chapters', (entry: Chapter) => import.meta.env.DEV || !entry.data.draft);
  all.sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < all.length; i++) {
    if (all[i].data.order === all[i - 1].data.order) {
      throw new Error(
        `content/chapters: "${all[i - 1].id}" and "${all[i].id}" both have order ${all[i].data.order}; every chapter needs its own.`,
      );
    }
  }
  return all;
}

/** The URL of a chapter page. */
export function chapterHref(id: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/chapters/${id}/`;
}
