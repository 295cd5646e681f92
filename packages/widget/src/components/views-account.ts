// The contact's account views (company and profile): one lazy chunk for both.
export { CompanyPage } from './CompanyPage.js'
export { ProfileView } from './ProfileView.js'
