// A GraphQL IDE for development, served from the project's own dependencies (no CDN):
// GraphiQL's browser bundle with React's UMD builds.
import express, { type Router } from 'express';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dirOf = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>Honours registry — GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql/graphiql.min.css">
  <style>body { margin: 0; height: 100vh; } #ide { height: 100vh; }</style>
</head>
<body>
  <div id="ide">Loading…</div>
  <script src="/graphiql/assets/react/umd/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom/umd/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    const defaultQuery = '# Sign in first, then put the token in Headers:\\n# { "Authorization": "Bearer <token>" }\\nmutation { login(input: { username: "admin", password: "…" }) { token userErrors { field message } } }\\n';
    ReactDOM.createRoot(document.getElementById('ide')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, isHeadersEditorEnabled: true, shouldPersistHeaders: true }),
    );
  </script>
</body>
</html>`;

export function ideRouter(): Router {
  const router = express.Router();
  router.use('/assets/graphiql', express.static(dirOf('graphiql'), { index: false, immutable: true, maxAge: '1d' }));
  router.use('/assets/react', express.static(dirOf('react'), { index: false }));
  router.use('/assets/react-dom', express.static(dirOf('react-dom'), { index: false }));
  router.get('/', (_req, res) => {
    res.type('html').send(PAGE);
  });
  return router;
}
