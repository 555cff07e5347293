import { join } from 'node:path'
import { createVault, vaultBook } from '../../src-main/store'
import { describeClientBook } from './book-behaviour'
import { fastKdf, passphrase, removeTempDirs, tempDir } from './helpers'

describeClientBook('local vault', async () => {
  const vault = await createVault(join(tempDir(), 'kluis.db'), passphrase, { kdf: fastKdf })
  return {
    book: vaultBook(vault),
    async close() {
      vault.lock()
      removeTempDirs()
    },
  }
})
