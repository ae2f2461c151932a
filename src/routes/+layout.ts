// SPA: documents live in IndexedDB, which exists only in the browser (ADR 1).
export const ssr = false;
export const prerender = false;
