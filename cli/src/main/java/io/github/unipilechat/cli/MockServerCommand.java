package io.github.unipilechat.cli;

import static io.github.unipilechat.cli.CommandSpecs.flag;
import static io.github.unipilechat.cli.CommandSpecs.option;
import static io.github.unipilechat.cli.CommandSpecs.value;

import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.contract.spec.SpecValidator;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mock-server}: the spec-validating mock of every operation, in the foreground, one log line per request. */
final class MockServerCommand implements Callable<Integer> {
  /** Nothing reads the journal of the command-line mock; a few entries keep a long-running one small. */
  static final int DEFAULT_JOURNAL_SIZE = 100;
  static final String NAME = "mock-server";
  private final Console console;
  private final CountDownLatch stop;
  private final ShutdownHooks hooks;
  private final CommandSpec spec;

  /** Where the Ctrl-C hook is registered; tests pass a recording one. */
  interface ShutdownHooks {
    ShutdownHooks RUNTIME = new ShutdownHooks() {
      @Override
      public void add(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
      }

      @Override
      public void remove(Thread hook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: nothing to remove
        }
      }
    };

    void add(Thread hook);

    void remove(Thread hook);
  }

  MockServerCommand(Console console, CountDownLatch stop) {
    this(console, stop, ShutdownHooks.RUNTIME);
  }

  MockServerCommand(Console console, CountDownLatch stop, ShutdownHooks hooks) {
    this.console = console;
    this.stop = stop;
    this.hooks = hooks;
    this.spec = CommandSpecs.command(this, NAME,
        "Run a mock Unipile server for every operation of the spec: each request is matched to its operation by"
            + " method and path template, validated against it and given its documented answer.",
        "Logs one line per request (status, and on 400 the failing fields). Stop with Ctrl-C.");
    spec.usageMessage().sortOptions(false);
    spec.addOption(option("--port", int.class, "<port>",
            "Port to listen on (default ${DEFAULT-VALUE}, the local server the spec lists; 0 = any free port).")
            .initialValue(MockUnipileServer.DEFAULT_PORT).build())
        .addOption(option("--host", String.class, "<host>", "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
            .initialValue("127.0.0.1").build())
        .addOption(option("--api-key", String.class, "<apiKey>", "Only accept this X-API-KEY (default: any non-empty key).")
            .build())
        .addOption(option("--max-request-size", long.class, "BYTES", "Answer 400 errors/content_too_large to larger"
            + " bodies, from their Content-Length before reading (default ${DEFAULT-VALUE}).")
            .initialValue(MockUnipileServer.DEFAULT_MAX_REQUEST_BYTES).build())
        .addOption(option("--max-parts", int.class, "<maxParts>", "Most multipart parts per request (default ${DEFAULT-VALUE}).")
            .initialValue(MockUnipileServer.DEFAULT_MAX_PARTS).build())
        .addOption(option("--journal-size", int.class, "N",
            "Requests kept in memory, oldest dropped first; file contents are never kept (default ${DEFAULT-VALUE}).")
            .initialValue(DEFAULT_JOURNAL_SIZE).build())
        .addOption(option("--spec", Path.class, "FILE",
            "OpenAPI document to validate against and answer from (default: the bundled one).").build())
        .addOption(flag("--accept-not-described",
            "Accept what the spec does not describe (unknown fields such as linkedin[foo], a key of another"
                + " LinkedIn shape, days with weeks) instead of answering 400 \"is not described by the spec\"."))
        .addOption(VerboseOption.spec());
    CommandSpecs.withStandardHelpOptions(spec);
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws InterruptedException {
    String host = value(spec, "--host");
    int port = value(spec, "--port");
    String apiKey = value(spec, "--api-key");
    long maxRequestSize = value(spec, "--max-request-size");
    int maxParts = value(spec, "--max-parts");
    int journalSize = value(spec, "--journal-size");
    Path specFile = value(spec, "--spec");
    boolean acceptNotDescribed = value(spec, "--accept-not-described");
    try (MockUnipileServer server = MockUnipileServer.builder().host(host).port(port).expectedApiKey(apiKey)
        .maxRequestBytes(maxRequestSize).maxParts(maxParts).journalLimit(journalSize)
        .spec(specFile == null ? SpecValidator.bundled() : spec(specFile))
        .acceptNotDescribed(acceptNotDescribed).build().start()) {
      console.err().println("mock Unipile server listening on " + server.baseUrl()
          + " (every operation of the spec" + (apiKey == null ? ", any X-API-KEY" : ", X-API-KEY required") + ")");
      console.err().println("try: ./unipile-chat start-chat --base-url " + server.baseUrl()
          + " --api-key demo --account-id demo --attendee ACoAABdemo --text Hello");
      Thread hook = new Thread(stop::countDown);
      hooks.add(hook);
      try {
        stop.await();
      } finally {
        hooks.remove(hook); // one run, one hook: repeated runs in one JVM must not pile them up
      }
    }
    return ExitCodes.OK;
  }

  /** The spec file's validator; a file that cannot be used is bad input (exit 2), said in one line. */
  private static SpecValidator spec(Path file) {
    try {
      return SpecValidator.fromFile(file);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
