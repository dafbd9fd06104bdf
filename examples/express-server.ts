/**
 * An Express app with the auth API mounted and a protected route that returns the app's own user fields.
 * `npm start` serves it on PORT (default 3000).
 */
import 'reflect-metadata';
import express from 'express';
import { authRouter, optionalSession, requireSession } from 'better-auth-entities/express';
import { createAuth } from './create-auth';

export function createApp(baseURL?: string) {
  const { auth } = createAuth({ baseURL });
  const app = express();
  app.use('/api/auth', authRouter(auth));

  // req.auth is typed from the middleware: AppUser, so `plan` and `stripeCustomerId` are known fields.
  app.get('/api/profile', requireSession(auth), (req, res) => {
    const { user } = req.auth;
    res.json({ id: user.id, email: user.email, name: user.displayName, plan: user.plan, stripeCustomerId: user.stripeCustomerId });
  });

  app.get('/api/hello', optionalSession(auth), (req, res) => {
    res.json({ message: req.auth ? `Hello, ${req.auth.user.displayName}` : 'Hello, guest' });
  });

  return { app, auth };
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? 3000);
  const { app } = createApp(process.env.BASE_URL ?? `http://localhost:${port}`);
  app.listen(port, () => {
    console.log(`Listening on http://localhost:${port}`);
    console.log(`  auth API:  http://localhost:${port}/api/auth/ok`);
    console.log(`  protected: http://localhost:${port}/api/profile`);
  });
}
