export { APPLICATION_STATUSES, Application, ApplicationList, ApplicationStatus } from './application.js'
export { LoginBody, Me, RegisterBody, Session } from './auth.js'
export { PortalConfig, PublicProcess } from './portal.js'
export { FieldError, fieldErrors, PROBLEM_CONTENT_TYPE, Problem } from './problem.js'
