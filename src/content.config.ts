/// <reference types="astro/client" />
// Content collections of the course site.
//
// `chapters`: one MDX file per chapter, `content/chapters/NN-slug.mdx`. The
// entry id (and the URL, /chapters/<slug>/, and the chapter part of every
// localStorage key) is the file name without its `NN-` prefix and extension,
// so renumbering a chapter does not break links or a learner's saved work.
// The order of chapters comes from `order` in the frontmatter; the build fails
// when two chapters share an order (src/lib/chapters.ts).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { chapterSlug } from './lib/slug';

export { chapterSlug };

const chapters = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: './content/chapters',
    generateId: ({ entry }) => chapterSlug(entry),
  }),
  schema: z
    .object({
      /** The chapter's title, shown as its h1, in the sidebar and on the home page. */
      title: z.string().min(1),
      /** Position in the course, 0 for the first chapter; unique across chapters. */
      order: z.number().int().nonnegative(),
      /** One or two sentences for the home page's chapter list and the page's meta description. */
      summary: z.string().min(1),
      /** What a learner can do after the chapter, one short sentence each ("Explain why …"). */
      objectives: z.array(z.string().min(1)).min(1),
      /** A draft chapter is built by `astro dev` but left out of `astro build` (and so of the site). */
      draft: z.boolean().optional().default(false),
    })
    .strict(),
});

export const collections = { chapters };
