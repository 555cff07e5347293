import { createRouter, createWebHashHistory, type Router } from 'vue-router'
import SetupView from './views/SetupView.vue'
import UnlockView from './views/UnlockView.vue'
import ClientsView from './views/ClientsView.vue'
import ClientLayout from './views/ClientLayout.vue'
import IntakeView from './views/IntakeView.vue'
import { useSessionStore } from './stores/session'

// The comparison, advice and presentation screens (rules, charts) load on first use: the first
// bundle stays small and the lock screen appears at once.
const CompareView = () => import('./views/CompareView.vue')
const AdviceView = () => import('./views/AdviceView.vue')
const PresentView = () => import('./views/PresentView.vue')
const SettingsView = () => import('./views/SettingsView.vue')
const PortfolioView = () => import('./views/PortfolioView.vue')

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without an unlocked vault. */
    public?: boolean
    /** Presentation mode: no app chrome. */
    presentation?: boolean
    title?: string
  }
}

export function createAppRouter(): Router {
  // Hash history: the packaged app loads from file://, where path-based history cannot work.
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', redirect: '/clients' },
      { path: '/setup', name: 'setup', component: SetupView, meta: { public: true, title: 'setup.title' } },
      { path: '/unlock', name: 'unlock', component: UnlockView, meta: { public: true, title: 'unlock.title' } },
      { path: '/clients', name: 'clients', component: ClientsView, meta: { title: 'clients.title' } },
      {
        path: '/clients/:id(\\d+)',
        component: ClientLayout,
        children: [
          { path: '', redirect: { name: 'intake' } },
          { path: 'intake', name: 'intake', component: IntakeView, meta: { title: 'nav.intake' } },
          { path: 'compare', name: 'compare', component: CompareView, meta: { title: 'nav.compare' } },
          { path: 'advice', name: 'advice', component: AdviceView, meta: { title: 'nav.advice' } },
        ],
      },
      { path: '/present/:id(\\d+)', name: 'present', component: PresentView, meta: { presentation: true, title: 'nav.present' } },
      { path: '/portfolio', name: 'portfolio', component: PortfolioView, meta: { title: 'nav.portfolio' } },
      { path: '/settings', name: 'settings', component: SettingsView, meta: { title: 'nav.settings' } },
      { path: '/:rest(.*)*', redirect: '/clients' },
    ],
  })

  router.beforeEach(async (to) => {
    const session = useSessionStore()
    const status = session.status ?? (await session.load())
    if (!status.exists) return to.name === 'setup' ? true : { name: 'setup' }
    if (to.name === 'setup') return status.unlocked ? { name: 'clients' } : { name: 'unlock' }
    if (!status.unlocked && !to.meta.public) return { name: 'unlock', query: { back: to.fullPath } }
    if (status.unlocked && to.name === 'unlock') return { name: 'clients' }
    return true
  })
  return router
}
