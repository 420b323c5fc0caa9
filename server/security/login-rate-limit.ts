import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Limits } from '../config.ts';
import { RateLimitedError } from '../domain/errors.ts';

/**
 * Counts failed logins per account (the e-mail as typed, normalised, whether or not it exists)
 * and per client address. Past the limit every further attempt is refused with RATE_LIMITED
 * before the password is checked, until the window has passed; a successful login clears the
 * account's count. Shared through Redis between instances when REDIS_URL is set.
 */
export interface LoginRateLimit {
  assertAllowed(account: string, address: string): Promise<void>;
  recordFailure(account: string, address: string): Promise<void>;
  recordSuccess(account: string): Promise<void>;
}

export function createLoginRateLimit(limits: Limits, redis?: Redis): LoginRateLimit {
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const options = { keyPrefix, points, duration: limits.loginWindowSeconds };
    return redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options);
  };
  const byAccount = limiter('login-failures:account', limits.loginMaxFailures);
  const byAddress = limiter('login-failures:address', limits.loginMaxFailuresPerAddress);
  const accountKey = (account: string) => account.trim().toLowerCase();

  return {
    async assertAllowed(account, address) {
      const [accountState, addressState] = await Promise.all([byAccount.get(accountKey(account)), byAddress.get(address)]);
      const blocked = [
        [accountState, limits.loginMaxFailures],
        [addressState, limits.loginMaxFailuresPerAddress],
      ] as const;
      const waits = blocked.filter(([state, max]) => state && state.consumedPoints >= max).map(([state]) => state!.msBeforeNext);
      if (waits.length) throw new RateLimitedError(Math.max(...waits) / 1000);
    },
    async recordFailure(account, address) {
      // A rejection only means the limit is reached, which assertAllowed reports next time.
      await Promise.all([byAccount.penalty(accountKey(account), 1), byAddress.penalty(address, 1)]);
    },
    async recordSuccess(account) {
      await byAccount.delete(accountKey(account));
    },
  };
}
