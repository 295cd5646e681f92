import { render } from 'preact'
import { App } from './App.js'

const app = document.getElementById('app')
if (app) render(<App />, app)
