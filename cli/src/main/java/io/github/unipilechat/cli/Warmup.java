package io.github.unipilechat.cli;

import io.github.unipilechat.contract.spec.SpecValidator;
import java.util.List;

/**
 * Reads the bundled spec (and runs one throwaway check through it) on a second thread while picocli builds its
 * command model on the first, for the commands that will need it: {@code verify-pact} without {@code --spec}, and
 * {@code start-chat} headed for the embedded mock. On 2 cores this takes the spec's few hundred ms off the wall
 * time. A wrong guess costs CPU only: the command reads what it needs itself, and waits for this if it is still
 * reading ({@link SpecValidator#bundled()} is parsed once per process).
 */
final class Warmup {
  private Warmup() {}

  static void startFor(Console console, String... args) {
    if (args.length == 0 || !wanted(console, args)) {
      return;
    }
    Thread thread = new Thread(Warmup::warm, "unipile-chat-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  /** The embedded mock, started now when the command line is {@code start-chat} headed for it. */
  static EmbeddedMock embeddedMockFor(Console console, String... args) {
    if (args.length == 0 || !args[0].equals(StartChatCommand.NAME) || !wanted(console, args)) {
      return EmbeddedMock.none();
    }
    List<String> all = List.of(args);
    boolean key = all.stream().anyMatch(a -> a.equals("--api-key") || a.startsWith("--api-key="))
        || console.variable(StartChatCommand.API_KEY_ENV).isPresent();
    // A key without a target is refused, not sent to the mock.
    if (!all.contains("--mock") && key) {
      return EmbeddedMock.none();
    }
    return EmbeddedMock.startEarly(all.contains("--accept-not-described"));
  }

  static boolean wanted(Console console, String... args) {
    List<String> all = List.of(args);
    boolean named = all.stream().anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V"));
    if (named) {
      return false;
    }
    if (args[0].equals("verify-pact")) {
      return all.stream().noneMatch(a -> a.equals("--spec") || a.startsWith("--spec="));
    }
    if (args[0].equals("start-chat")) {
      boolean target = all.stream().anyMatch(a -> a.equals("--base-url") || a.startsWith("--base-url=")
          || a.equals("--dsn") || a.startsWith("--dsn="))
          || console.variable(StartChatCommand.BASE_URL_ENV).isPresent() || console.variable(StartChatCommand.DSN_ENV).isPresent();
      return all.contains("--mock") || !target;
    }
    return false;
  }

  private static void warm() {
    try {
      SpecValidator spec = SpecValidator.bundled();
      spec.validateRequest(spec.decoder().decode(List.of()), true);
      spec.validateResponse(201, "application/json", "{}");
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // Only a head start: the command meets the same problem itself and reports it.
    }
  }
}
