// The AppError a call throws, for tests that check its code and message.
import { AppError } from '../../core/errors.ts';

/** Runs `run` and returns the AppError it throws; fails the test when it throws something else or nothing. */
export function caughtAppError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}
