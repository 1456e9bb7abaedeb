import { onBeforeUnmount, onMounted, ref } from "vue";

/** The current time, re-rendered every `ms` (default: each second): countdowns to deadlines tick
 * and turn red the moment they pass, without a reload. */
export function useNow(ms = 1000) {
  const now = ref(new Date());
  let timer: number | undefined;
  onMounted(() => {
    timer = window.setInterval(() => (now.value = new Date()), ms);
  });
  onBeforeUnmount(() => window.clearInterval(timer));
  return now;
}

/** Call `load` every `ms` while the page is shown (and the tab visible): new facts (an overdue
 * action recorded by the service's clock, a report) appear without a reload. */
export function usePolling(load: () => Promise<unknown>, ms = 10_000) {
  let timer: number | undefined;
  onMounted(() => {
    timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, ms);
  });
  onBeforeUnmount(() => window.clearInterval(timer));
}
