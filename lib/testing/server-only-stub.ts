// vitest stands in for the React server environment: "server-only" is a no-op here.
export {};
