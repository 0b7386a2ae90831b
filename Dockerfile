# Gapkit in a container: the web server on SQLite, its database in the /data volume.
#   docker build -t gapkit .
#   docker run -d --init -p 3000:3000 -v gapkit-data:/data -e GAPKIT_BASE_URL=http://localhost:3000 gapkit
# Demo data: `docker run … gapkit serve --demo`. Any other command: `docker exec <container> gapkit …`.
# test/bin/container.test.ts runs this file's runtime ENV, ENTRYPOINT, CMD and HEALTHCHECK
# outside Docker; keep each of them on lines it can read (exec form, one ENV per line).

# Build stage: the production dependencies, better-sqlite3 compiled when no prebuilt binary fits.
FROM node:22-bookworm-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# Runtime stage: no compiler; sources owned by root, read-only to the server's user.
FROM node:22-bookworm-slim
ENV NODE_ENV=production
ENV GAPKIT_DB=/data/gapkit.db
ENV GAPKIT_HOST=0.0.0.0
ENV PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY . .
# The data folder belongs to the server's user, readable by it only (as gapkit creates it); a
# new named volume takes this owner and mode.
RUN mkdir -p /data && chown node:node /data && chmod 700 /data \
    && ln -s /app/bin/gapkit.js /usr/local/bin/gapkit
VOLUME ["/data"]
USER node
EXPOSE 3000
# No curl in the slim image: node asks /healthz, on the port the server listens to.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is the process Docker signals: SIGTERM stops the server cleanly (in-flight requests
# finish, the database closes). --init (compose: init: true) adds a PID 1 that reaps children.
ENTRYPOINT ["node", "bin/gapkit.js"]
CMD ["serve"]
