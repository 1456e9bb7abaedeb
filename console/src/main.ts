import { createPinia } from "pinia";
import { createApp } from "vue";
import "element-plus/theme-chalk/el-message.css";
import App from "./App.vue";
import { router } from "./router";
import "./styles.css";

createApp(App).use(createPinia()).use(router).mount("#app");
