import { computed, reactive, ref } from "vue";
import { directory } from "@/api/consoleApi";
import { register, type Unit } from "@/api/registerApi";

// The org tree, loaded once per page load: many screens name units by code.
const units = ref<Unit[]>([]);
let loading: Promise<Unit[]> | null = null;

// The register lists the reader's own subtree; a unit outside it that a screen names (the level
// above, a superior business department, Art. 27, 29) is named by the console's directory
// (GET /api/console/unit-names), asked in one batch a moment after it is first shown.
const elsewhere = reactive(new Map<string, string>());
const asked = new Set<string>();
const queue: string[] = [];

function want(code: string): void {
  if (asked.has(code)) return;
  asked.add(code);
  queue.push(code);
  if (queue.length === 1) window.setTimeout(() => void flush(), 30);
}

async function flush(): Promise<void> {
  const codes = queue.splice(0, 50);
  if (queue.length) window.setTimeout(() => void flush(), 30);
  try {
    for (const unit of await directory.unitNames(codes)) elsewhere.set(unit.code, unit.name);
  } catch {
    for (const code of codes) asked.delete(code); // ask again when shown next
  }
}

export function useUnits() {
  if (!loading) {
    loading = register.units().then((list) => (units.value = list)).catch((error: unknown) => {
      loading = null;
      throw error;
    });
  }
  const byCode = computed(() => new Map(units.value.map((u) => [u.code, u])));
  const nameOf = (code: string | null | undefined): string => {
    if (!code) return "—";
    const unit = byCode.value.get(code);
    if (unit) return unit.name;
    if (units.value.length) want(code); // outside the reader's subtree: ask the directory
    return elsewhere.get(code) ?? code;
  };
  return { units, ready: loading, byCode, nameOf };
}
