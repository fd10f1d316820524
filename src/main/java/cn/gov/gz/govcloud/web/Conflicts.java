package cn.gov.gz.govcloud.web;

import java.sql.SQLException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Recognises the failure of a transaction that lost a race with another one writing the same thing at the same moment
 * (a unique index refused the second insert, a row lock timed out, an optimistic lock failed): the caller may retry in
 * a new transaction and will then see the winner's row.
 */
public final class Conflicts {

  private Conflicts() {}

  /** A unique or other integrity constraint refused the write (SQL state class 23). */
  public static boolean isDuplicate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataIntegrityViolationException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A duplicate, a lock timeout (H2 waits for the winner's commit and may time out) or serialization failure, or the
   * engine's optimistic locking: worth one more try.
   */
  public static boolean isRace(Throwable e) {
    if (isDuplicate(e)) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConcurrencyFailureException || t instanceof QueryTimeoutException
          || t instanceof org.camunda.bpm.engine.OptimisticLockingException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("40") || "HYT00".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code work} (a whole transaction) and runs it again, up to {@code attempts} times in all, while it fails by
   * losing a race ({@link #isRace}): the next try sees the winner's rows and joins them.
   */
  public static <T> T retrying(int attempts, java.util.function.Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (attempt >= attempts || !isRace(e)) {
          throw e;
        }
      }
    }
  }
}
