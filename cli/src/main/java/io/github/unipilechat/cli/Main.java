package io.github.unipilechat.cli;

import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./unipile-chat}: start a chat, run the mock server, verify pacts. */
@Command(name = "unipile-chat", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Unipile \"Start a new chat\" client and contract kit.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  private static final String DRIFT_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.github.unipilechat.drift";
  private final Console console;

  Main(Console console) {
    this.console = console;
  }

  public static void main(String[] args) {
    // start-chat prints response drift on stderr itself, one line each; slf4j-simple would print it a second time.
    if (System.getProperty(DRIFT_LOG_LEVEL) == null) {
      System.setProperty(DRIFT_LOG_LEVEL, "error");
    }
    System.exit(run(Console.system(), args));
  }

  /** Runs a command line and returns its exit code; nothing here calls {@code System.exit}. */
  public static int run(Console console, String... args) {
    Failures failures = new Failures(console);
    CommandLine cli = new CommandLine(new Main(console))
        .addSubcommand(new StartChatCommand(console))
        .addSubcommand(new MockServerCommand(console, new CountDownLatch(1)))
        .addSubcommand(new VerifyPactCommand(console))
        // "@path" is an argument, never a file to splice in: --text @/etc/hostname would send the file.
        .setExpandAtFiles(false)
        .setOut(new java.io.PrintWriter(console.out(), true))
        .setErr(new java.io.PrintWriter(console.err(), true))
        .setParameterExceptionHandler(failures)
        .setExecutionExceptionHandler(failures);
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(console.err());
  }
}
