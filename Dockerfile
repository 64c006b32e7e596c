# The API as compiled JavaScript: `node dist/index.js`, with production dependencies only (no tsx,
# no TypeScript). Used by docker-compose.yml; it needs an external Neo4j (NEO4J_URI).

# Build stage: all dependencies, then `npm run build` (tsc into dist/, the dashboard bundle into .build/).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY tools tools
COPY schema schema
COPY src src
RUN npm run build

# Run stage: production dependencies, the compiled service, and the files it reads at run time.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
COPY --from=build /app/.build .build
COPY schema schema
COPY seed seed
# The dashboard's operation names label the metrics (src/observability/operations.ts).
COPY src/dashboard/operations src/dashboard/operations
# The trusted-documents manifest (TRUSTED_DOCUMENTS; src/limits/trusted-documents.ts).
COPY src/dashboard/gql/persisted-documents.json src/dashboard/gql/persisted-documents.json
USER node
EXPOSE 4000
# node itself is PID 1, so `docker stop` reaches the service as SIGTERM and it drains.
CMD ["node", "dist/index.js"]
