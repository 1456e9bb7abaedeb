import { computed, ref } from "vue";
import { ApiError } from "@/api/client";

/** How a listing is asked for one page: `limit`, the previous page's cursor, and where to tell
 * the next page's cursor (`X-Next-Cursor`, docs/paging.md). */
export interface PageRequest {
  limit: number;
  cursor?: string;
  onNextCursor: (cursor: string | null) => void;
}

/** A listing read from the server a page at a time (docs/paging.md): the cursor only goes
 * forward, so the cursors of the pages seen are kept to go back. `reload()` starts again at the
 * first page (after a filter changes); `next()` / `prev()` move one page. */
export function useCursorPages<T>(fetchPage: (page: PageRequest) => Promise<T[]>, size = 20) {
  const rows = ref<T[]>([]) as { value: T[] };
  const loading = ref(false);
  const problem = ref("");
  const number = ref(1);
  // cursors[i] asks for page i + 1; the first page needs none.
  const cursors = ref<(string | undefined)[]>([undefined]);
  const hasNext = computed(() => cursors.value.length > number.value);
  const hasPrev = computed(() => number.value > 1);

  async function show(n: number): Promise<void> {
    loading.value = true;
    problem.value = "";
    try {
      let next: string | null = null;
      rows.value = await fetchPage({ limit: size, cursor: cursors.value[n - 1], onNextCursor: (c) => (next = c) });
      number.value = n;
      cursors.value = cursors.value.slice(0, n);
      if (next) cursors.value.push(next);
    } catch (error) {
      problem.value = error instanceof ApiError ? error.message : "加载失败";
    } finally {
      loading.value = false;
    }
  }

  return {
    rows,
    loading,
    problem,
    number,
    hasNext,
    hasPrev,
    reload: () => {
      cursors.value = [undefined];
      return show(1);
    },
    refresh: () => show(number.value),
    next: () => (hasNext.value ? show(number.value + 1) : Promise.resolve()),
    prev: () => (hasPrev.value ? show(number.value - 1) : Promise.resolve()),
  };
}
