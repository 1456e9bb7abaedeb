import { ref } from "vue";
import { filingUnits } from "@/api/intakeApi";
import { register } from "@/api/registerApi";
import { useSession } from "@/stores/session";

// Unit names for intake's screens: the org tree for the roles that read the register, the units
// an officer may file about for an officer; a custodian sees codes (it reads no org tree).
const names = ref(new Map<string, string>());
let askedFor: string | null = null;

export function useUnitNames() {
  const session = useSession();
  const who = session.me?.user_id ?? "";
  if (askedFor !== who) {
    askedFor = who;
    const source = session.hasAny("office", "leader", "judge", "auditor", "admin")
      ? register.units()
      : session.hasAny("officer")
        ? filingUnits()
        : Promise.resolve([]);
    source
      .then((units) => (names.value = new Map(units.map((u) => [u.code, u.name]))))
      .catch(() => (askedFor = null));
  }
  const nameOf = (code: string | null | undefined): string => (code ? (names.value.get(code) ?? code) : "—");
  return { nameOf };
}
