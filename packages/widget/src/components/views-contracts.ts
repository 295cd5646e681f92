// The contracts list and one contract: one lazy chunk for both.
export { ContractList } from './ContractList.js'
export { ContractView } from './ContractView.js'
