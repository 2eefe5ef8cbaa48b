// The code whose changes make a built database stale (its output depends on them).
export const CODE_DIRS = ['src/lib/import', 'src/lib/analysis', 'src/lib/server/db', 'src/lib/server/analyse.ts'];
