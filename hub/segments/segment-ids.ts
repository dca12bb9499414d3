// Environment: Node (hub). A lead-defined segment's id is made from its name ("Köpt två gånger" →
// "kopt-tva-ganger"), made unique with a numeric suffix.

const MAX_ID_LENGTH = 64;
/** Bounded: a name shared by this many segments gets a random suffix instead. */
const MAX_SUFFIX = 1000;

export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH - 5)
    .replace(/-+$/g, '');
  return slug || 'segment';
}

/** The first free id from the name: the slug itself, else slug-2, slug-3, … */
export function uniqueSegmentId(name: string, taken: (id: string) => boolean): string {
  const slug = slugOf(name);
  if (!taken(slug)) return slug;
  for (let suffix = 2; suffix <= MAX_SUFFIX; suffix += 1) {
    const id = `${slug}-${suffix}`;
    if (!taken(id)) return id;
  }
  return `${slug}-${Math.random().toString(36).slice(2, 6)}`;
}
