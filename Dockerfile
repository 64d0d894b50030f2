# syntax=docker/dockerfile:1
# Rapport: multi-stage build. The build stage installs everything, generates the Prisma clients and
# compiles TypeScript; the runtime stage carries production dependencies only and runs as a non-root user.

FROM node:20.20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds its addon when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts ./scripts
# The postinstall step skips client generation in a production install; the build stage generated them.
RUN npm ci --omit=dev --no-audit --no-fund \
 # npm installs @prisma/client's peer, the prisma CLI (with its dev server and studio), and typescript.
 # At run time Rapport needs neither: clients are compiled in and migrations use the wasm engine.
 && rm -rf node_modules/prisma node_modules/@prisma/dev node_modules/@prisma/studio-core node_modules/@prisma/streams-local node_modules/typescript

FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATABASE_URL=file:/data/rapport.db \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The model and its migrations: migrations are applied at start-up from here.
COPY prisma/models.prisma ./prisma/models.prisma
COPY prisma/migrations ./prisma/migrations
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000 8081
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node dist/src/healthcheck.js || exit 1
CMD ["node", "dist/src/main.js"]
