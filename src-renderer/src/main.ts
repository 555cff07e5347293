import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n } from './i18n'
import './styles.css'

const pinia = createPinia()
createApp(App).use(pinia).use(createAppRouter()).use(i18n).mount('#app')
