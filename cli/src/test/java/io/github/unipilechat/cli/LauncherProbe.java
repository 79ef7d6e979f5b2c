package io.github.unipilechat.cli;

/** The main class of the small jar {@link LauncherTest} puts where the launcher looks for the command line. */
public final class LauncherProbe {
  private LauncherProbe() {}

  /**
   * Prints its arguments; with {@code -Dprobe.wait=MILLIS} then its pid, and waits that long (a command still
   * running when a test signals it); exits with {@code -Dprobe.exit}.
   */
  public static void main(String[] args) throws InterruptedException {
    System.out.println("probe ran with " + String.join(" ", args));
    long wait = Long.getLong("probe.wait", 0);
    if (wait > 0) {
      System.out.println("pid " + ProcessHandle.current().pid());
      System.out.flush();
      Thread.sleep(wait);
    }
    System.exit(Integer.getInteger("probe.exit", 0));
  }
}
