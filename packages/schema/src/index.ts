export {
  AllowedOrigin,
  CompanyInput,
  CompanyPatch,
  ContactInput,
  ContactPatch,
  ContractInput,
  ContractPatch,
  InvitationInput,
  PortalInput,
  PortalPatch,
  ProcessInput,
  ProcessPatch,
  ProfileInput,
  ProfilePatch,
  StaffNoteInput,
  StatusChangeInput,
} from './admin.js'
export {
  APPLICATION_STATUSES,
  Application,
  ApplicationDetail,
  ApplicationList,
  ApplicationSource,
  ApplicationStatus,
  Attachment,
  CreateApplicationBody,
  Note,
  NoteBody,
  NoteList,
  Tags,
} from './application.js'
export {
  AcceptInvitationBody,
  Email,
  ForgotPasswordBody,
  LoginBody,
  Me,
  MeDetail,
  MePatch,
  RegisterBody,
  ResetPasswordBody,
  Session,
} from './auth.js'
export {
  COMPANY_FIELDS,
  CONTACT_FIELDS,
  Colleague,
  ColleagueList,
  CompanyView,
  InviteColleagueBody,
  VISIBLE_FIELDS,
  VisibleField,
} from './company.js'
export { CONTRACT_STATUSES, Contract, ContractList, ContractStatus } from './contract.js'
export {
  FORM_FIELD_TYPES,
  FormDefinition,
  FormField,
  FormFieldType,
  LOCALES,
  Locale,
  LocalizedText,
} from './form.js'
export { InboxItem, InboxPage, InboxQuery } from './inbox.js'
export { jsonSchemaOf } from './json-schema.js'
export {
  MODULES,
  Module,
  PortalConfig,
  PublicProcess,
  StartableList,
  StartableProcess,
  StartBlock,
  Theme,
} from './portal.js'
export { FieldError, fieldErrors, PROBLEM_CONTENT_TYPE, Problem } from './problem.js'
export { checkFields, EMAIL_PATTERN, type FormData, type Rule, rules, validateFormData } from './rules.js'
