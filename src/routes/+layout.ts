// SPA: documents live in IndexedDB, which exists only in the browser (RELIABILITY.md 32).
export const ssr = false;
export const prerender = false;
