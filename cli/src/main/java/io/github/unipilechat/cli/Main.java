package io.github.unipilechat.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./unipile-chat}: start a chat, run the mock server, verify pacts. */
@Command(name = "unipile-chat", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Unipile \"Start a new chat\" client and contract kit.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** The subcommands, in the order the usage lists them. */
  static final List<String> COMMANDS = List.of("start-chat", "mock-server", "verify-pact");
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
    if (args.length > 0 && args[0].equals("mock-server")) {
      BufferedStderr.install();
    }
    int code = run(Console.system(), args);
    System.err.flush();
    System.exit(code);
  }

  /** Runs a command line and returns its exit code; nothing here calls {@code System.exit}. */
  public static int run(Console console, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // What picocli would print, without building the whole command model first (a third of a second on 2 cores).
      console.out().println(Version.text());
      return ExitCodes.OK;
    }
    Warmup.startFor(console, args);
    Failures failures = new Failures(console);
    CommandLine cli = new CommandLine(new Main(console));
    // Picocli reads each registered command's annotations (and so loads its option types) up front: a command
    // named first gets only itself registered; anything else (help, usage, a typo) gets them all.
    String first = args.length == 0 ? "" : args[0];
    for (String name : COMMANDS) {
      if (!COMMANDS.contains(first) || first.equals(name)) {
        cli.addSubcommand(command(name, console));
      }
    }
    // "@path" is an argument, never a file to splice in: --text @/etc/hostname would send the file.
    cli.setExpandAtFiles(false)
        .setOut(new java.io.PrintWriter(console.out(), true))
        .setErr(new java.io.PrintWriter(console.err(), true))
        .setParameterExceptionHandler(failures)
        .setExecutionExceptionHandler(failures);
    return cli.execute(args);
  }

  private static Object command(String name, Console console) {
    return switch (name) {
      case "start-chat" -> new StartChatCommand(console);
      case "mock-server" -> new MockServerCommand(console, new CountDownLatch(1));
      case "verify-pact" -> new VerifyPactCommand(console);
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    // The command line being run, with its subcommands (a new CommandLine(this) would list none of them).
    spec.commandLine().usage(console.err());
  }
}
