/**
 * Login, logout and "who am I" for browser sessions. Wrong name and wrong password answer the
 * same 401 after the same scrypt work, so the route does not reveal which names exist.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  dummyHash,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  passwordProblem,
  verifyPassword,
} from '../../auth/password.ts';
import { HttpError } from '../../errors.ts';
import { SESSION_TTL_MS } from '../../plugins/session.ts';
import type { Session } from '../../store/session-store.ts';
import { ErrorBody } from '../schemas.ts';

const LOCALES = ['de', 'en'];

const Me = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    role: Type.String(),
    locale: Type.Union([Type.String(), Type.Null()]),
    mustChangePassword: Type.Boolean(),
  }),
  csrfToken: Type.String(),
});

const me = (s: Session) => ({ user: s.user, csrfToken: s.csrfToken });

export const authRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stores } = fastify.ctx;

  function requireSession(session: Session | null): Session {
    if (!session) throw new HttpError(401, 'UNAUTHORIZED', 'not logged in');
    return session;
  }

  fastify.post(
    '/api/v1/auth/login',
    {
      config: { csrf: false },
      schema: {
        summary: 'Log in a clerk or admin; sets the session cookie',
        security: [],
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 200 }),
          password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
        }),
        response: { 200: Me, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const key = req.body.username.trim().toLowerCase();
      const verdict = await fastify.loginThrottle.admit(key, req.ip);
      if (!verdict.ok) {
        return reply
          .code(429)
          .header('retry-after', String(verdict.retryAfterS))
          .send({
            error: verdict.reason === 'locked' ? 'LOCKED' : 'RATE_LIMITED',
            message:
              verdict.reason === 'locked'
                ? `too many wrong passwords; try again in ${Math.ceil(verdict.retryAfterS / 60)} minutes`
                : 'too many login attempts from this address; wait a minute',
          });
      }
      const user = await stores.users.getByUsername(req.body.username.trim());
      const ok = await verifyPassword(req.body.password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok || user.disabled) {
        const locked = await fastify.loginThrottle.failed(key);
        req.log.info({ locked }, 'failed login');
        throw new HttpError(401, 'UNAUTHORIZED', 'wrong username or password');
      }
      await fastify.loginThrottle.succeeded(key);
      await fastify.sessions.deleteExpired(); // housekeeping where sessions are made, no timer needed
      const { sessionId } = await fastify.sessions.create(user.id, SESSION_TTL_MS);
      // A session id from before the login is never reused (session fixation).
      if (req.sessionId) await fastify.sessions.destroy(req.sessionId);
      const session = (await fastify.sessions.get(sessionId, SESSION_TTL_MS))!;
      fastify.setSessionCookie(reply, sessionId);
      return me(session);
    },
  );

  fastify.post(
    '/api/v1/auth/logout',
    { schema: { summary: 'End the browser session', response: { 204: Type.Null() } } },
    async (req, reply) => {
      if (req.sessionId) await fastify.sessions.destroy(req.sessionId);
      fastify.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/api/v1/auth/me',
    { schema: { summary: 'The logged-in user and the CSRF token', response: { 200: Me, 401: ErrorBody } } },
    async (req) => me(requireSession(req.session)),
  );

  fastify.patch(
    '/api/v1/auth/me',
    {
      schema: {
        summary: "Change the user's UI language",
        body: Type.Object({ locale: Type.String({ enum: LOCALES }) }, { additionalProperties: false }),
        response: { 200: Me, 401: ErrorBody },
      },
    },
    async (req) => {
      const s = requireSession(req.session);
      await fastify.sessions.setLocale(s.user.id, req.body.locale);
      return me({ ...s, user: { ...s.user, locale: req.body.locale } });
    },
  );

  fastify.post(
    '/api/v1/auth/password',
    {
      schema: {
        summary: 'Change the own password (ends all other sessions)',
        body: Type.Object({
          currentPassword: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
          newPassword: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
        }),
        response: { 200: Me, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req, reply) => {
      const s = requireSession(req.session);
      const user = await stores.users.getByUsername(s.user.username);
      if (!user || !(await verifyPassword(req.body.currentPassword, user.passwordHash))) {
        throw new HttpError(401, 'UNAUTHORIZED', 'the current password is wrong');
      }
      const problem = passwordProblem(req.body.newPassword);
      if (problem) throw new HttpError(400, 'BAD_REQUEST', `the new password needs ${problem}`);
      await fastify.sessions.setPassword(user.id, await hashPassword(req.body.newPassword), false);
      await fastify.sessions.destroyForUser(user.id);
      const { sessionId } = await fastify.sessions.create(user.id, SESSION_TTL_MS);
      fastify.setSessionCookie(reply, sessionId);
      return me((await fastify.sessions.get(sessionId, SESSION_TTL_MS))!);
    },
  );
};
