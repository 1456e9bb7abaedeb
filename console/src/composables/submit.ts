import { ElMessage } from "element-plus";
import { ref } from "vue";
import { ApiError } from "@/api/client";

/** A form's sending: busy while it waits, the server's 422 errors on the fields they name, any
 * other refusal (403 naming the rule, 409...) above the form, a short success message. */
export function useSubmit() {
  const busy = ref(false);
  const fieldErrors = ref<Record<string, string>>({});
  const problem = ref("");

  async function submit<T>(call: () => Promise<T>, done: string): Promise<T | undefined> {
    busy.value = true;
    fieldErrors.value = {};
    problem.value = "";
    try {
      const result = await call();
      ElMessage.success(done);
      return result;
    } catch (error) {
      if (error instanceof ApiError) {
        fieldErrors.value = error.byField;
        problem.value = error.fields.length ? "请按提示修改标出的内容" : error.message;
      } else {
        problem.value = "无法连接服务器，请稍后再试";
      }
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  /** For a command that answers nothing (204): whether it was done, since `submit`'s
   * `undefined` would mean both "refused" and "done, no body". */
  async function command(call: () => Promise<unknown>, done: string): Promise<boolean> {
    return (await submit(() => call().then(() => true), done)) === true;
  }

  return { busy, fieldErrors, problem, submit, command };
}
