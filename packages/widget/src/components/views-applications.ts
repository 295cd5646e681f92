// The application views (dashboard, one application, a new one): one lazy chunk for the three.
export { ApplicationView } from './ApplicationView.js'
export { Dashboard } from './Dashboard.js'
export { NewApplication } from './NewApplication.js'
