export { type MountOptions, mount, type PorticoHandle } from './mount.js'
