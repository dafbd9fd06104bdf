import type { RequestAuth } from './session-locals';

// Adds `req.auth` to Express's generic Request, typed from the route's locals (see RequestAuth).
declare module 'express-serve-static-core' {
  interface Request<P, ResBody, ReqBody, ReqQuery, LocalsObj extends Record<string, any>> {
    auth: RequestAuth<LocalsObj>;
  }
}

export {};
