import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

// The baseline: the least a Node HTTP server can do per request.
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' })
  response.end('hello world')
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${port}/` })}`)
})
