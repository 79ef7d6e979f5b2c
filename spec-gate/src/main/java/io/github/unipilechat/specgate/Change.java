package io.github.unipilechat.specgate;

/**
 * One difference between the released spec and the new one.
 *
 * @param where a readable path into the operation, e.g. {@code request linkedin (Recruiter options).visibility}
 * @param what what changed, e.g. {@code enum value "PROJECT" removed}
 * @param breaking whether code built on the released spec can fail against a provider that follows the new one
 */
public record Change(String where, String what, boolean breaking) {
  @Override
  public String toString() {
    return (breaking ? "BREAKING   " : "compatible ") + where + ": " + what;
  }
}
