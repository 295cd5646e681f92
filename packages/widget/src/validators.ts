// Loaded lazily with the first submission. The rules come from the schema package without zod,
// so the widget validates exactly as the API does without downloading a schema library.
export { checkFields, renderField, rules, validateFormData } from '@portico/schema/rules'
