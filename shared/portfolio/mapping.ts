/**
 * The adviser's corrections to an import's columns: file header -> standard header ("naam",
 * "winst 2027", …), or null to leave a column out. Its own module: the IPC contract needs it
 * without the rest of the import.
 */
import { z } from 'zod'

export const importMappingSchema = z
  .object({ columns: z.record(z.string().min(1).max(200), z.string().min(1).max(200).nullable()) })
  .strict()
export type ImportMapping = z.infer<typeof importMappingSchema>
