export interface Migration {
  /** Equals its position in the list: PRAGMA user_version after it has run. */
  version: number
  name: string
  /** SQL run inside the migration's transaction. */
  up: string
}
