package io.github.unipilechat.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {text()};
  }

  static String text() {
    String version = Main.class.getPackage().getImplementationVersion();
    return "unipile-chat " + (version == null ? "(development build)" : version);
  }

  /**
   * Prints the version and nothing else: the JVM start floor the benchmarks measure the commands against
   * ({@code java -cp <the jar> io.github.unipilechat.cli.Version}).
   */
  public static void main(String[] args) {
    System.out.println(text());
  }
}
