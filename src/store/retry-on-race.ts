import { isUniqueViolation } from './unique-violation.ts';

/**
 * Thrown inside a transaction when a guarded UPDATE/INSERT found that a concurrent writer got
 * there first; the transaction rolls back and `retryOnRace` runs it again against the new state.
 */
export class RaceLost extends Error {
  constructor() {
    super('concurrent write won the race');
    this.name = 'RaceLost';
  }
}

/** Races are settled within one retry (the re-run sees the winner's commit); 3 is headroom. */
const ATTEMPTS = 3;

export async function retryOnRace<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const race = err instanceof RaceLost || isUniqueViolation(err);
      if (!race || attempt >= ATTEMPTS) throw err;
    }
  }
}
