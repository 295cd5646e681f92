import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FileSource, Storage, StoredObject } from './types.js'

/** Stores attachments as files under a root directory, created on first write. */
export class LocalDiskStorage implements Storage {
  readonly root: string

  constructor(root: string) {
    this.root = resolve(root)
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, key))
    // Keys are generated ids, but a storage must never write outside its root whatever it is given.
    if (!path.startsWith(this.root + sep)) throw new Error(`[portico] invalid storage key "${key}"`)
    return path
  }

  async put(key: string, source: FileSource): Promise<void> {
    const path = this.pathOf(key)
    await mkdir(dirname(path), { recursive: true })
    try {
      await pipeline(source.stream(), createWriteStream(path, { flags: 'wx' }))
    } catch (error) {
      // Never leave half a file under a key that a later write ('wx') could not replace.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(path, { force: true })
      throw error
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.pathOf(key))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }

  async open(key: string): Promise<StoredObject | undefined> {
    const path = this.pathOf(key)
    try {
      const { size } = await stat(path)
      return { body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, size }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }
}
