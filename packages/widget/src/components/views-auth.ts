// The views reached from a link or a "forgot password" button: one lazy chunk for the three.
export { ForgotForm } from './ForgotForm.js'
export { InviteForm } from './InviteForm.js'
export { ResetForm } from './ResetForm.js'
