// Loaded lazily: the validation schemas pull in zod, which the first view does not need.
export { fieldErrors, LoginBody, RegisterBody } from '@portico/schema'
