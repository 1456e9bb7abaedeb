import { computed, ref } from "vue";
import { register, type Unit } from "@/api/registerApi";

// The org tree, loaded once per page load: many screens name units by code.
const units = ref<Unit[]>([]);
let loading: Promise<Unit[]> | null = null;

export function useUnits() {
  if (!loading) {
    loading = register.units().then((list) => (units.value = list)).catch((error: unknown) => {
      loading = null;
      throw error;
    });
  }
  const byCode = computed(() => new Map(units.value.map((u) => [u.code, u])));
  const nameOf = (code: string | null | undefined): string => (code ? (byCode.value.get(code)?.name ?? code) : "—");
  return { units, ready: loading, byCode, nameOf };
}
