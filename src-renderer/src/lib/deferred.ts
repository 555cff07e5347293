/**
 * A value that follows another after it has been still for `delayMs`: the charts follow the
 * figures this way, so a keystroke redraws the option cards within the frame and the (heavier)
 * charts once the adviser pauses.
 */
import { onBeforeUnmount, shallowRef, watch, type Ref, type ShallowRef } from 'vue'

export function useDeferred<T>(source: Ref<T>, delayMs = 120): ShallowRef<T> {
  const value = shallowRef(source.value) as ShallowRef<T>
  let timer: ReturnType<typeof setTimeout> | null = null
  watch(source, (next) => {
    if (timer) clearTimeout(timer)
    // From nothing to something (first result) shows at once; later changes wait for a pause.
    if (value.value === null || next === null) value.value = next
    else timer = setTimeout(() => (value.value = next), delayMs)
  })
  onBeforeUnmount(() => timer && clearTimeout(timer))
  return value
}
