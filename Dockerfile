# syntax=docker/dockerfile:1
# faxgate image: one image for every role (start = all-in-one, api, worker, migrate, CLI).
#   docker build -t faxgate .
#   docker run -p 3000:3000 -v faxgate-data:/data faxgate          # all-in-one: SQLite + private Redis
#   docker compose up                                              # api + 2 workers + Redis + PostgreSQL

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Toolchain only as a fallback: better-sqlite3 normally installs a prebuilt binary.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# redis-server: `faxgate start` without REDIS_URL runs a private Redis from PATH (DESIGN.md).
# tini: PID 1 that forwards SIGTERM so graceful shutdown runs and zombies are reaped.
RUN apt-get update \
  && apt-get install -y --no-install-recommends redis-server tini \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data \
  && chown node:node /data
ENV NODE_ENV=production \
  FAXGATE_HOST=0.0.0.0 \
  FAXGATE_PORT=3000 \
  FAXGATE_DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The clerk's desk is plain browser modules and CSS, served as they are (no build step).
COPY --from=build --chown=node:node /app/src/web/static ./dist/web/static
COPY --chown=node:node package.json ./
COPY --chown=node:node bin ./bin
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.FAXGATE_PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "bin/faxgate.js", "start"]
