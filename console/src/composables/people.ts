import { reactive } from "vue";
import { directory } from "@/api/consoleApi";

// Names for staff ids, for every screen: `const { nameOf } = usePeople()` then `nameOf(id)` in a
// template. The first time an id is shown it is queued; the queue is asked of the console's
// directory (GET /api/console/people, 50 ids a call) a moment later, and the name replaces the id
// as it arrives. Ids without an account (or before the answer) show as they are.
const names = reactive(new Map<string, string>());
const unitNames = reactive(new Map<string, string>()); // the unit each person acts for, by name
const asked = new Set<string>();
let queue: string[] = [];
let scheduled = false;

const BATCH = 50;

async function flush(): Promise<void> {
  scheduled = false;
  const ids = queue;
  queue = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    try {
      for (const person of await directory.people(batch)) {
        names.set(person.user_id, person.name);
        unitNames.set(person.user_id, person.unit_name);
      }
    } catch {
      for (const id of batch) asked.delete(id); // ask again when shown next
    }
  }
}

function want(id: string): void {
  if (asked.has(id)) return;
  asked.add(id);
  queue.push(id);
  if (!scheduled) {
    scheduled = true;
    window.setTimeout(() => void flush(), 30);
  }
}

export function usePeople() {
  /** The person's name if known (queued otherwise), else the id itself; "—" for none. */
  const nameOf = (id: string | null | undefined): string => {
    if (!id) return "—";
    const name = names.get(id);
    if (name === undefined) want(id);
    return name ?? id;
  };
  /** "王预防（u-th-office）": a name with its id, where the id matters (audit, grants). */
  const nameWithId = (id: string | null | undefined): string => {
    const name = nameOf(id);
    return id && name !== id ? `${name}（${id}）` : name;
  };
  /** The name of the unit the person acts for, once known (a unit outside the reader's own
   * subtree, e.g. the level above, is named here and nowhere else); undefined before. */
  const unitOf = (id: string | null | undefined): string | undefined => {
    if (!id) return undefined;
    if (!names.has(id)) want(id);
    return unitNames.get(id);
  };
  return { nameOf, nameWithId, unitOf };
}
