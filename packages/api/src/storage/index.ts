export { LocalDiskStorage } from './local-disk.js'
export { S3Storage } from './s3.js'
export type { Storage } from './types.js'
