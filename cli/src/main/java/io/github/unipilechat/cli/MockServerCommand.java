package io.github.unipilechat.cli;

import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.contract.spec.SpecValidator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mock-server}: the spec-validating mock in the foreground, one log line per request. */
@Command(name = "mock-server", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a mock Unipile server for POST /api/v1/chats that validates every request against the spec.",
        "Logs one line per request (status, and on 400 the failing fields). Stop with Ctrl-C."})
final class MockServerCommand implements Callable<Integer> {
  /** Nothing reads the journal of the command-line mock; a few entries keep a long-running one small. */
  static final int DEFAULT_JOURNAL_SIZE = 100;
  private final Console console;
  private final CountDownLatch stop;
  private final ShutdownHooks hooks;

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

  @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}, the local server the spec lists; 0 = any free port).")
  int port = MockUnipileServer.DEFAULT_PORT;

  @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
  String host = "127.0.0.1";

  @Option(names = "--api-key", description = "Only accept this X-API-KEY (default: any non-empty key).")
  String apiKey;

  @Option(names = "--max-request-size", paramLabel = "BYTES",
      description = "Answer 400 errors/content_too_large to larger bodies, from their Content-Length before reading (default ${DEFAULT-VALUE}).")
  long maxRequestSize = MockUnipileServer.DEFAULT_MAX_REQUEST_BYTES;

  @Option(names = "--max-parts", description = "Most multipart parts per request (default ${DEFAULT-VALUE}).")
  int maxParts = MockUnipileServer.DEFAULT_MAX_PARTS;

  @Option(names = "--journal-size", paramLabel = "N",
      description = "Requests kept in memory, oldest dropped first; file contents are never kept (default ${DEFAULT-VALUE}).")
  int journalSize = DEFAULT_JOURNAL_SIZE;

  @Option(names = "--spec", paramLabel = "FILE",
      description = "OpenAPI document to validate against and answer from (default: the bundled one).")
  Path spec;

  @Option(names = "--accept-not-described",
      description = "Accept what the spec does not describe (unknown fields such as linkedin[foo], a key of another"
          + " LinkedIn shape, days with weeks) instead of answering 400 \"is not described by the spec\".")
  boolean acceptNotDescribed;

  @Mixin
  VerboseOption verbose;

  MockServerCommand(Console console, CountDownLatch stop) {
    this(console, stop, ShutdownHooks.RUNTIME);
  }

  MockServerCommand(Console console, CountDownLatch stop, ShutdownHooks hooks) {
    this.console = console;
    this.stop = stop;
    this.hooks = hooks;
  }

  @Override
  public Integer call() throws InterruptedException {
    try (MockUnipileServer server = MockUnipileServer.builder().host(host).port(port).expectedApiKey(apiKey)
        .maxRequestBytes(maxRequestSize).maxParts(maxParts).journalLimit(journalSize)
        .spec(spec == null ? SpecValidator.bundled() : SpecValidator.fromFile(spec))
        .acceptNotDescribed(acceptNotDescribed).build().start()) {
      console.err().println("mock Unipile server listening on " + server.baseUrl()
          + " (POST /api/v1/chats" + (apiKey == null ? ", any X-API-KEY" : ", X-API-KEY required") + ")");
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
}
