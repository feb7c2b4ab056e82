// Values provided by test/support/global-setup.ts to tests via `inject(...)`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** MongoDB connection string (MONGODB_URI or the FerretDB started by global setup); '' when unavailable. */
    mongoUri: string;
    /** Why no MongoDB server is available; '' when mongoUri is set. */
    mongoSkipReason: string;
  }
}
