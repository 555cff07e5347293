/** A tiny signal: a call found the vault locked (e.g. after idle in the main process). */
type Listener = () => void
const listeners = new Set<Listener>()

export function onLocked(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function announceLocked(): void {
  for (const listener of listeners) listener()
}
