#!/usr/bin/env node
// A small static server for dist/ on 127.0.0.1, used by scripts/run.sh and
// the browser tests. Usage: node scripts/serve.js [dir] [port]  (port 0 = any free port)
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function createServer(root) {
  root = path.resolve(root);
  return http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': types[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        // The math font must load from another origin too (a <loss-playground>
        // on a blog served elsewhere): fonts need CORS.
        'access-control-allow-origin': '*',
      });
      res.end(body);
    });
  });
}

function serve(root, port = 0) {
  return new Promise((resolve, reject) => {
    const server = createServer(root);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

module.exports = { serve };

if (require.main === module) {
  const root = process.argv[2] || path.join(__dirname, '..', 'dist');
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  serve(root, port).then(
    (server) => {
      console.log(`lossplay: serving ${root}`);
      console.log(`lossplay: open http://127.0.0.1:${server.address().port}/ (Ctrl+C to stop)`);
    },
    (err) => {
      const hint = err.code === 'EADDRINUSE' ? `: port ${port} is taken, try PORT=8090 scripts/run.sh` : '';
      console.error(`lossplay: cannot serve on 127.0.0.1:${port}${hint} (${err.message})`);
      process.exit(1);
    },
  );
}
