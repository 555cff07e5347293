export interface OfficeMigration {
  /** Equals its position in the list. */
  version: number
  name: string
  /** SQL run in the vangnet schema inside the migration's transaction. */
  up: string
}
