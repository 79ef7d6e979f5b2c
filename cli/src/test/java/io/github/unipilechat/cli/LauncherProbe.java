package io.github.unipilechat.cli;

/** The main class of the small jar {@link LauncherTest} puts where the launcher looks for the command line. */
public final class LauncherProbe {
  private LauncherProbe() {}

  public static void main(String[] args) {
    System.out.println("probe ran with " + String.join(" ", args));
    System.exit(Integer.getInteger("probe.exit", 0));
  }
}
