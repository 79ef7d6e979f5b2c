package io.github.unipilechat.contract.mock;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last requests the mock received, in arrival order, up to a limit (oldest dropped first, so a long-running
 * mock does not grow); safe to read while requests arrive. File contents are never kept.
 */
public final class Journal {
  private final int limit;
  private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
  private long dropped;

  Journal(int limit) {
    this.limit = limit;
  }

  synchronized void add(JournalEntry entry) {
    if (limit == 0) {
      dropped++;
      return;
    }
    if (entries.size() == limit) {
      entries.removeFirst();
      dropped++;
    }
    entries.addLast(entry);
  }

  /** The requests kept, oldest first (a copy). */
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /** How many requests are kept. */
  public synchronized int size() {
    return entries.size();
  }

  /** How many entries were dropped to keep within the limit since the last {@link #clear()}. */
  public synchronized long dropped() {
    return dropped;
  }

  /** The most recent request; fails when none arrived. */
  public synchronized JournalEntry last() {
    if (entries.isEmpty()) {
      throw new IllegalStateException(dropped == 0 ? "the mock server has received no request"
          : "the mock server keeps no journal entries (journal limit 0)");
    }
    return entries.getLast();
  }

  /** Forgets every request kept. */
  public synchronized void clear() {
    entries.clear();
    dropped = 0;
  }
}
