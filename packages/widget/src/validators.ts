// Loaded lazily: the validation schemas pull in zod, which the first view does not need.
export {
  AcceptInvitationBody,
  ForgotPasswordBody,
  fieldErrors,
  InviteColleagueBody,
  LoginBody,
  NoteBody,
  RegisterBody,
  ResetPasswordBody,
  validateFormData,
} from '@portico/schema'
