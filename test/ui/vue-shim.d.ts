// `.vue` modules for the Node typecheck of the renderer tests (a script file: no top-level import).
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
