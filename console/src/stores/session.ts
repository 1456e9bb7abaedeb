import { defineStore } from "pinia";
import { computed, ref } from "vue";
import { session, type Me, type SignIn } from "@/api/session";

/** Who is signed in. `load` asks the server once (the cookie is HttpOnly: only it knows). */
export const useSession = defineStore("session", () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);

  async function load(): Promise<Me | null> {
    if (!loaded.value) {
      me.value = await session.current();
      loaded.value = true;
    }
    return me.value;
  }

  async function signIn(body: SignIn): Promise<Me> {
    me.value = await session.signIn(body);
    loaded.value = true;
    return me.value;
  }

  async function signOut(): Promise<void> {
    try {
      await session.signOut();
    } finally {
      forget();
    }
  }

  /** The server said the session is over (401): forget the user without asking again. */
  function forget(): void {
    me.value = null;
    loaded.value = true;
  }

  const roles = computed(() => new Set(me.value?.roles ?? []));
  const hasAny = (...wanted: string[]) => wanted.some((r) => roles.value.has(r));

  return { me, loaded, load, signIn, signOut, forget, roles, hasAny };
});
