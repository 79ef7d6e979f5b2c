package io.github.unipilechat.contract.mock;

import java.util.ArrayList;
import java.util.List;

/** Every request the mock received, in arrival order; safe to read while requests arrive. */
public final class Journal {
  private final List<JournalEntry> entries = new ArrayList<>();

  synchronized void add(JournalEntry entry) {
    entries.add(entry);
  }

  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  public synchronized int size() {
    return entries.size();
  }

  /** The most recent request; fails when none arrived. */
  public synchronized JournalEntry last() {
    if (entries.isEmpty()) {
      throw new IllegalStateException("the mock server has received no request");
    }
    return entries.get(entries.size() - 1);
  }

  public synchronized void clear() {
    entries.clear();
  }
}
