import { defineStore } from "pinia";
import { computed, ref } from "vue";
import { TODOS_URL, type TodoItem, type Todos } from "@/api/consoleApi";
import { signalUnauthorised } from "@/api/client";

// The signed-in person's to-dos (工作台 and the bell), gathered by the console from the node's
// services (GET /api/console/todos). Refreshed by short polling: every POLL_MS while the page is
// visible, with the list's ETag (a 304 costs nothing) and the background header, so polling never
// keeps an idle session alive. Seen marks are kept in this browser per person (localStorage):
// "read" is a fact about a screen, not about the regulation's work, so it is not an event.
export const POLL_MS = 5000;

function seenKey(userId: string): string {
  return `lianfang.todos.seen.${userId}`;
}

export const useTodos = defineStore("todos", () => {
  const items = ref<TodoItem[]>([]);
  const unavailable = ref<Todos["unavailable"]>([]);
  const loaded = ref(false);
  const failed = ref<string | null>(null);
  const seen = ref(new Set<string>());
  let etag: string | null = null;
  let userId: string | null = null;
  let timer: number | null = null;
  let inFlight: Promise<void> | null = null;

  const unread = computed(() => items.value.filter((t) => !seen.value.has(t.key)));

  function loadSeen(): void {
    if (!userId) return;
    try {
      const raw = window.localStorage.getItem(seenKey(userId));
      seen.value = new Set(raw ? (JSON.parse(raw) as string[]) : []);
    } catch {
      seen.value = new Set();
    }
  }

  function saveSeen(): void {
    if (!userId) return;
    // Only the keys still open: a settled to-do's mark is no longer needed.
    const open = new Set(items.value.map((t) => t.key));
    const kept = [...seen.value].filter((k) => open.has(k));
    window.localStorage.setItem(seenKey(userId), JSON.stringify(kept));
  }

  function markSeen(keys?: string[]): void {
    const next = new Set(seen.value);
    for (const key of keys ?? items.value.map((t) => t.key)) next.add(key);
    seen.value = next;
    saveSeen();
  }

  async function fetchOnce(background: boolean): Promise<void> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (etag) headers["If-None-Match"] = etag;
    if (background) headers["X-Lianfang-Background"] = "1";
    try {
      const response = await fetch(TODOS_URL, { headers, credentials: "same-origin", cache: "no-store" });
      if (response.status === 304) return;
      if (response.status === 401) {
        stop();
        signalUnauthorised();
        return;
      }
      if (!response.ok) {
        failed.value = `待办加载失败（${response.status}）`;
        return;
      }
      const body = (await response.json()) as Todos;
      etag = response.headers.get("ETag");
      items.value = body.items;
      unavailable.value = body.unavailable;
      failed.value = null;
    } catch {
      failed.value = "待办加载失败（网络异常）";
    } finally {
      loaded.value = true;
    }
  }

  /** Ask now (once at a time); `background` for the timer's calls. */
  function refresh(background = false): Promise<void> {
    inFlight ??= fetchOnce(background).finally(() => (inFlight = null));
    return inFlight;
  }

  /** Start following the person's to-dos (the layout calls it once signed in). */
  function start(forUser: string): void {
    if (userId !== forUser) {
      stop();
      items.value = [];
      loaded.value = false;
      etag = null;
      userId = forUser;
      loadSeen();
    }
    if (timer !== null) return;
    void refresh();
    timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void refresh(true);
    }, POLL_MS);
  }

  function stop(): void {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
  }

  return { items, unavailable, loaded, failed, unread, seen, refresh, start, stop, markSeen };
});
