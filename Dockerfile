# Team Charter as a container: `docker build -t team-charter .` then run it with the production settings of README
# "Configuration" (credentials, TAB_ENDPOINT, DATABASE_URL). Without credentials the app is in local mode, which listens
# on 127.0.0.1 only (so not reachable from outside the container, by design).

# Build: all dependencies, then the server (tsc → dist/) and the tab (Vite → src/tab/dist/).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime: production dependencies and what `node dist/main.js` reads at run time — the compiled server, the SQL
# migrations (applied at start-up) and the built tab, both found by walking up from dist/ to package.json.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/src/adapters/storage/migrations ./src/adapters/storage/migrations
COPY --from=build /app/src/tab/dist ./src/tab/dist
# PGlite's files when DATABASE_URL is unset (one instance only); use PostgreSQL to run several.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) reaches node directly: the app stops claiming jobs, finishes in-flight work and exits 0.
CMD ["node", "dist/main.js"]
