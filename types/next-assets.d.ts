// Static asset imports (the bundled model icons) typed the way Next.js types them. Next writes the
// same reference into next-env.d.ts at build time; this copy lets `tsc` run before any build (CI).
/// <reference types="next" />
/// <reference types="next/image-types/global" />
