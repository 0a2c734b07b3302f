/** The person's stable id in this browser: the same in every tab, so a vote counts once per person. */

/** The localStorage key of the person id. */
export const PERSON_ID_KEY = 'lodestone.person';

const VALID = /^p-[A-Za-z0-9]{8,40}$/;
let fallback: string | null = null;

const fresh = () => `p-${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;

/** The remembered id, created on first use; when the browser refuses storage, one id for the life of this page. */
export function personId(): string {
  try {
    const stored = localStorage.getItem(PERSON_ID_KEY);
    if (stored && VALID.test(stored)) return stored;
    const id = fresh();
    localStorage.setItem(PERSON_ID_KEY, id);
    return id;
  } catch {
    fallback ??= fresh();
    return fallback;
  }
}
