/**
 * Login rate limit and lock-out. Two independent brakes:
 * - per username (in the SQL store, so every API process sees it): MAX_FAILURES wrong passwords
 *   within FAILURE_WINDOW_MS lock the name for LOCK_MS; a successful login clears the count.
 * - per client address (in memory, per process): at most MAX_ATTEMPTS_PER_IP attempts per
 *   IP_WINDOW_MS, so one machine cannot cycle through many usernames.
 */
import type { SessionStore } from '../store/session-store.ts';

/** Five tries cover typos and caps lock; more is guessing. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Long enough to make online guessing useless, short enough that a clerk is not stuck all day. */
export const LOCK_MS = 15 * 60_000;
/** An office behind one NAT address logs in a few times a minute at most. */
export const MAX_ATTEMPTS_PER_IP = 20;
export const IP_WINDOW_MS = 60_000;

export type ThrottleVerdict = { ok: true } | { ok: false; reason: 'locked' | 'rate'; retryAfterS: number };

export function createLoginThrottle(sessions: SessionStore, now: () => number = Date.now) {
  const perIp = new Map<string, { start: number; count: number }>();

  return {
    /** Call before checking the password; counts the attempt against the address. */
    async admit(username: string, ip: string): Promise<ThrottleVerdict> {
      const t = now();
      const w = perIp.get(ip);
      if (!w || t - w.start >= IP_WINDOW_MS) {
        if (perIp.size > 10_000) perIp.clear(); // bounded memory under a spray of addresses
        perIp.set(ip, { start: t, count: 1 });
      } else if (++w.count > MAX_ATTEMPTS_PER_IP) {
        return { ok: false, reason: 'rate', retryAfterS: Math.ceil((w.start + IP_WINDOW_MS - t) / 1000) };
      }
      const a = await sessions.attempts(username);
      if (a.lockedUntil && Date.parse(a.lockedUntil) > t) {
        return {
          ok: false,
          reason: 'locked',
          retryAfterS: Math.ceil((Date.parse(a.lockedUntil) - t) / 1000),
        };
      }
      return { ok: true };
    },

    /** A wrong password (or unknown name); returns true when this failure locked the name. */
    async failed(username: string): Promise<boolean> {
      const t = now();
      const a = await sessions.attempts(username);
      const fresh = !a.firstFailureAt || t - Date.parse(a.firstFailureAt) >= FAILURE_WINDOW_MS;
      const failures = fresh ? 1 : a.failures + 1;
      const lock = failures >= MAX_FAILURES;
      await sessions.saveAttempts(username, {
        failures: lock ? 0 : failures,
        firstFailureAt: lock ? null : fresh ? new Date(t).toISOString() : a.firstFailureAt,
        lockedUntil: lock ? new Date(t + LOCK_MS).toISOString() : a.lockedUntil,
      });
      return lock;
    },

    succeeded: (username: string) => sessions.clearAttempts(username),
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
