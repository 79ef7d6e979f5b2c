package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./unipile-chat} script, copied into a checkout of its own whose built jar is a small probe: whether
 * it sees a build is due, and its class-data sharing archives (written on a command's first run, used after,
 * rewritten when the jar changes, never in the way when the JVM cannot use them). It runs the real JVM.
 */
class LauncherTest {
  private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir
  Path root;
  private Path jar;

  @BeforeEach
  void checkout() throws IOException {
    Path script = root.resolve("unipile-chat");
    Files.copy(Path.of("..", "unipile-chat"), script);
    script.toFile().setExecutable(true);
    for (String source : List.of("pom.xml", "openapi/spec.json", "cli/pom.xml", "cli/src/main/java/Command.java",
        "cli/src/test/java/CommandTest.java", "contract-tests/src/main/java/Mock.java", "client-extensions/pom.xml")) {
      Path file = root.resolve(source);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x");
    }
    jar = root.resolve("cli/target/unipile-chat-cli-1.0-all.jar");
    Files.createDirectories(jar.getParent());
    writeProbeJar(jar);
    try (var files = Files.walk(root)) {
      for (Path file : files.toList()) {
        Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(60)));
      }
    }
    Files.setLastModifiedTime(jar, FileTime.from(BUILT));
  }

  @Test
  void aBuiltTreeIsFresh() throws Exception {
    assertThat(checkOnly()).isEqualTo("fresh");
  }

  @Test
  void aMainSourceNewerThanTheJarIsStale() throws Exception {
    touch("cli/src/main/java/Command.java");
    assertThat(checkOnly()).isEqualTo("stale");
  }

  @Test
  void aPomOrTheSpecNewerThanTheJarIsStale() throws Exception {
    touch("client-extensions/pom.xml");
    assertThat(checkOnly()).isEqualTo("stale");
  }

  @Test
  void aDeletedSourceIsStale() throws Exception {
    Files.delete(root.resolve("contract-tests/src/main/java/Mock.java"));
    assertThat(checkOnly()).isEqualTo("stale");
  }

  @Test
  void aChangedTestDoesNotRebuildTheCommandLine() throws Exception {
    touch("cli/src/test/java/CommandTest.java");
    assertThat(checkOnly()).isEqualTo("fresh");
  }

  @Test
  void noJarIsStale() throws Exception {
    Files.delete(jar);
    assertThat(checkOnly()).isEqualTo("stale");
  }

  @Test
  void firstRunOfACommandWritesItsArchiveAndLaterRunsUseIt() throws Exception {
    Result first = launch(Map.of(), "verify-pact", "a.json");
    Path archive = archive("verify-pact");

    assertThat(first.out()).isEqualTo("probe ran with verify-pact a.json\n");
    assertThat(first.code()).isZero();
    assertThat(archive).isNotEmptyFile();
    assertThat(root.resolve("cli/target")).isDirectoryNotContaining("glob:**.partial");
    // -Xshare:on makes the JVM fail rather than run without the archive: the second run maps it.
    Result second = launch(Map.of("UNIPILE_CHAT_JAVA_OPTS", "-Xshare:on"), "verify-pact", "b.json");
    assertThat(second.out()).isEqualTo("probe ran with verify-pact b.json\n");
    assertThat(second.code()).isZero();
  }

  @Test
  void eachCommandHasAnArchiveOfItsOwn() throws Exception {
    launch(Map.of(), "--version");
    launch(Map.of(), "start-chat", "--mock");

    assertThat(archive("other")).isNotEmptyFile();
    assertThat(archive("start-chat")).isNotEmptyFile();
    assertThat(archive("verify-pact")).doesNotExist();
  }

  @Test
  void anArchiveOlderThanTheJarIsWrittenAgain() throws Exception {
    Path archive = archive("start-chat");
    Files.writeString(archive, "from an older jar");
    Files.setLastModifiedTime(archive, FileTime.from(BUILT.minusSeconds(1)));

    Result result = launch(Map.of(), "start-chat");

    assertThat(result.out()).isEqualTo("probe ran with start-chat\n");
    assertThat(Files.size(archive)).isGreaterThan(1000);
  }

  @Test
  void aCorruptArchiveIsIgnoredAndTheCommandStillRuns() throws Exception {
    Path archive = archive("verify-pact");
    Files.write(archive, new byte[64 * 1024]);
    Files.setLastModifiedTime(archive, FileTime.from(BUILT.plusSeconds(60)));

    Result result = launch(Map.of(), "verify-pact", "a.json");

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("probe ran with verify-pact a.json\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void cdsCanBeTurnedOff() throws Exception {
    Result result = launch(Map.of("UNIPILE_CHAT_CDS", "off"), "verify-pact");

    assertThat(result.out()).isEqualTo("probe ran with verify-pact\n");
    assertThat(archive("verify-pact")).doesNotExist();
  }

  @Test
  void theCommandsExitCodeIsTheLaunchersOnTheArchivingRunToo() throws Exception {
    Result result = launch(Map.of("UNIPILE_CHAT_JAVA_OPTS", "-Dprobe.exit=3"), "verify-pact");

    assertThat(result.code()).isEqualTo(3);
    assertThat(archive("verify-pact")).isNotEmptyFile();
  }

  @Test
  void aJvmWithoutABaseArchiveGetsNoCdsFlags() throws Exception {
    Path args = fakeJdk(false);

    Result result = launch(Map.of("PATH", root.resolve("jdk/bin") + ":" + System.getenv("PATH")), "verify-pact");

    assertThat(result.out()).isEqualTo("probe ran with verify-pact\n");
    assertThat(Files.readString(args)).doesNotContain("Archive").contains("-jar");
    assertThat(archive("verify-pact")).doesNotExist();
  }

  @Test
  void aJvmWithABaseArchiveGetsThem() throws Exception {
    Path args = fakeJdk(true);

    launch(Map.of("PATH", root.resolve("jdk/bin") + ":" + System.getenv("PATH")), "verify-pact");

    assertThat(Files.readString(args)).contains("-XX:ArchiveClassesAtExit=");
    assertThat(archive("verify-pact")).isNotEmptyFile();
  }

  /** A JDK whose java records its arguments and runs the real one; with or without lib/server/classes.jsa. */
  private Path fakeJdk(boolean baseArchive) throws IOException {
    Path bin = Files.createDirectories(root.resolve("jdk/bin"));
    Path args = root.resolve("java-args.txt");
    Path java = bin.resolve("java");
    String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(java, "#!/bin/sh\necho \"$@\" >> '" + args + "'\nexec '" + real + "' \"$@\"\n");
    java.toFile().setExecutable(true);
    if (baseArchive) {
      Path lib = Files.createDirectories(root.resolve("jdk/lib/server"));
      Files.writeString(lib.resolve("classes.jsa"), "");
    }
    return args;
  }

  private Path archive(String command) {
    return root.resolve("cli/target/unipile-chat-cli-1.0-all." + command + ".jsa");
  }

  private void touch(String file) throws IOException {
    Files.setLastModifiedTime(root.resolve(file), FileTime.from(BUILT.plusSeconds(60)));
  }

  private String checkOnly() throws Exception {
    return launch(Map.of("UNIPILE_CHAT_CHECK_ONLY", "1")).out().trim();
  }

  private record Result(int code, String out, String err) {}

  private Result launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(root.resolve("unipile-chat").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("UNIPILE_CHAT_JAVA_OPTS");
    builder.environment().remove("UNIPILE_CHAT_CDS");
    builder.environment().putAll(env);
    Path out = root.resolve("out.txt");
    Path err = root.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  private static void writeProbeJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = LauncherProbe.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
  }
}
