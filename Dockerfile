# The API, serving the built dashboard, for docker-compose.yml. Node 20 LTS as on the build machines.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false CI=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api dashboard

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production IOP_DASHBOARD_DIR=/app/dashboard PORT=3000
COPY --from=build /app/package.json /app/package-lock.json ./
# The workspace's tools (the demo seeder) run from source with tsx, so the image keeps the full install.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/tsconfig.base.json ./
COPY --from=build /app/libs ./libs
COPY --from=build /app/tools ./tools
COPY --from=build /app/dist/apps/api ./api
COPY --from=build /app/dist/apps/dashboard/browser ./dashboard
USER node
EXPOSE 3000
# The API's heap limit, as `npm start` sets it (tools/db/src/lib/api-heap.ts says why); IOP_API_HEAP_MB raises it.
CMD ["sh", "-c", "exec node --max-old-space-size=${IOP_API_HEAP_MB:-384} api/main.js"]
