import { computed } from "vue";
import { useRoute, useRouter } from "vue-router";
import { thisYear } from "@/utils/assessmentLabels";

/** The assessment year 考核年度 of the page, kept in the address (?year=2026). */
export function useYear() {
  const route = useRoute();
  const router = useRouter();
  return computed<number>({
    get: () => Number(route.query.year) || thisYear(),
    set: (year) => void router.replace({ query: { ...route.query, year } }),
  });
}
