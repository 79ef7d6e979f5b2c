package io.github.unipilechat.cli;

import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.SpecModel;
import java.util.Map;
import java.util.Set;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./unipile-chat}: start a chat, run the mock server, verify pacts. */
public final class Main implements Runnable {
  /** The subcommands, in the order the usage lists them. */
  static final List<String> COMMANDS = List.of(StartChatCommand.NAME, MockServerCommand.NAME, VerifyPactCommand.NAME);
  private static final String DRIFT_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.github.unipilechat.drift";
  /**
   * Without it Jetty starts the JVM's whole management (JMX) layer to ask whether references are compressed, for
   * the padding of one queue: a twentieth of a second of every mock start. 16 is the answer on 64-bit JVMs with
   * heaps under 32 GB; a wrong guess only pads differently.
   */
  private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
  private final Console console;
  private final CommandSpec spec;

  Main(Console console) {
    this.console = console;
    this.spec = CommandSpecs.withStandardHelpOptions(
        CommandSpecs.command(this, "unipile-chat", "Unipile API client and contract kit: start a chat, call any"
            + " operation of the provider's document, run the mock server, verify pacts."));
  }

  CommandSpec spec() {
    return spec;
  }

  public static void main(String[] args) {
    // start-chat prints response drift on stderr itself, one line each; slf4j-simple would print it a second time.
    if (System.getProperty(DRIFT_LOG_LEVEL) == null) {
      System.setProperty(DRIFT_LOG_LEVEL, "error");
    }
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
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
    try (EmbeddedMock mock = Warmup.embeddedMockFor(console, args)) {
      return run(console, mock, args);
    }
  }

  private static int run(Console console, EmbeddedMock mock, String... args) {
    Failures failures = new Failures(console);
    CommandLine cli = new CommandLine(new Main(console).spec);
    // A command named first gets only itself registered (each costs a cold JVM its model and converters);
    // anything else (help, usage, a typo) gets them all, help first as picocli lists it.
    String first = args.length == 0 ? "" : args[0];
    if (!COMMANDS.contains(first)) {
      cli.addSubcommand("help", new CommandLine.HelpCommand());
    }
    for (String name : COMMANDS) {
      if (!COMMANDS.contains(first) || first.equals(name)) {
        cli.addSubcommand(name, command(name, console, mock));
      }
    }
    if (!COMMANDS.contains(first)) {
      // One command per operation of the bundled document, read only when no fixed command was named.
      SpecModel model = SpecModel.bundled();
      Map<String, Operation> operations = OperationCommand.names(model, Set.copyOf(COMMANDS));
      operations.forEach((name, operation) -> {
        if (!operations.containsKey(first) || first.equals(name)) {
          cli.addSubcommand(name, new OperationCommand(console, mock, model, operation, name).spec());
        }
      });
    }
    // "@path" is an argument, never a file to splice in: --text @/etc/hostname would send the file.
    cli.setExpandAtFiles(false)
        .setOut(new java.io.PrintWriter(console.out(), true))
        .setErr(new java.io.PrintWriter(console.err(), true))
        .setParameterExceptionHandler(failures)
        .setExecutionExceptionHandler(failures);
    return cli.execute(args);
  }

  private static CommandSpec command(String name, Console console, EmbeddedMock mock) {
    return switch (name) {
      case StartChatCommand.NAME -> new StartChatCommand(console, mock).spec();
      case MockServerCommand.NAME -> new MockServerCommand(console, new CountDownLatch(1)).spec();
      case VerifyPactCommand.NAME -> new VerifyPactCommand(console).spec();
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Override
  public void run() {
    // The command line being run, with its subcommands.
    spec.commandLine().usage(console.err());
  }
}
