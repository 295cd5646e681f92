export { LocalDiskStorage } from './local-disk.js'
export { S3Storage } from './s3.js'
export { bytesSource, type FileSource, type Storage } from './types.js'
