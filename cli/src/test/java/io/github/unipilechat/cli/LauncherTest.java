package io.github.unipilechat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./unipile-chat} script, copied into a checkout of its own whose built jar is a small probe: whether
 * it sees a build is due, how it finds Java, that the JVM is the process its caller holds, and its class-data
 * sharing archives (written on a command's first run, put in place and used by the next, per JVM, written again
 * when the jar changes or the archive is damaged). It runs the real JVM. A fake {@code mvn} that fails stands
 * first on the PATH: no test builds anything.
 */
class LauncherTest {
  private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");
  private static final Pattern PID = Pattern.compile("(?m)^pid (\\d+)$");

  @TempDir
  Path temp;
  private Path root;
  private Path jar;
  private final List<ProcessHandle> started = new ArrayList<>();

  @BeforeEach
  void checkout() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\necho \"$@\" >> '" + temp.resolve("mvn-calls.txt") + "'\nexit 1\n");
    mvn.toFile().setExecutable(true);
    checkoutIn(temp.resolve("checkout"));
  }

  @AfterEach
  void stopEverything() {
    for (ProcessHandle process : started) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
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

  /** The generator's input fix-up decides what is generated, so it goes into the jar like a main source. */
  @Test
  void theGeneratorsInputFixUpNewerThanTheJarIsStale() throws Exception {
    touch("codegen/CodegenInput.java");
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
  void firstRunOfACommandWritesItsArchiveAndTheNextPutsItInPlaceAndUsesIt() throws Exception {
    Result first = launch(Map.of(), "verify-pact", "a.json");

    assertThat(first.out()).isEqualTo("probe ran with verify-pact a.json\n");
    assertThat(first.code()).isZero();
    assertThat(partials()).singleElement(STRING).endsWith(".jsa." + first.pid() + ".partial");
    // -Xshare:on makes the JVM fail rather than run without the archive: the second run maps it.
    Result second = launch(Map.of("UNIPILE_CHAT_JAVA_OPTS", "-Xshare:on"), "verify-pact", "b.json");
    assertThat(second.out()).isEqualTo("probe ran with verify-pact b.json\n");
    assertThat(second.code()).isZero();
    assertThat(archives("verify-pact")).singleElement().satisfies(archive -> assertThat(archive).isNotEmptyFile());
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void eachCommandHasAnArchiveOfItsOwn() throws Exception {
    launch(Map.of(), "--version");
    Result startChat = launch(Map.of(), "start-chat", "--mock");

    assertThat(archives("other")).hasSize(1);
    assertThat(partials()).singleElement(STRING).startsWith("unipile-chat-cli-1.0-all.start-chat.")
        .endsWith(".jsa." + startChat.pid() + ".partial");
  }

  @Test
  void aJarRebuiltAfterTheArchivingRunHasItsArchiveWrittenAgain() throws Exception {
    launch(Map.of(), "start-chat");
    Files.setLastModifiedTime(jar, FileTime.from(BUILT.plusSeconds(1)));

    Result result = launch(Map.of(), "start-chat");

    assertThat(result.out()).isEqualTo("probe ran with start-chat\n");
    assertThat(archives("start-chat")).isEmpty();
    assertThat(partials()).singleElement(STRING).endsWith(".jsa." + result.pid() + ".partial");
  }

  @Test
  void aTruncatedArchiveIsWrittenAgainRatherThanCrashingTheJvm() throws Exception {
    Path archive = builtArchive();
    truncateToHalf(archive);

    Result result = launch(Map.of(), "verify-pact", "a.json");

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("probe ran with verify-pact a.json\n");
    assertThat(result.err()).isEmpty();
    assertThat(crashLogs()).isEmpty();
    assertWrittenAgainBy(result);
  }

  @Test
  void anArchiveOverwrittenInPlaceWithItsTimeSetBackIsWrittenAgain() throws Exception {
    Path archive = builtArchive();
    FileTime modified = Files.getLastModifiedTime(archive);
    archive.toFile().setWritable(true);
    Files.write(archive, new byte[(int) Files.size(archive)]);
    Files.setLastModifiedTime(archive, modified);

    Result result = launch(Map.of(), "verify-pact", "a.json");

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertWrittenAgainBy(result);
  }

  @Test
  void cdsCanBeTurnedOff() throws Exception {
    Result result = launch(Map.of("UNIPILE_CHAT_CDS", "off"), "verify-pact");

    assertThat(result.out()).isEqualTo("probe ran with verify-pact\n");
    assertThat(names()).noneMatch(name -> name.contains(".jsa"));
  }

  @Test
  void theCommandsExitCodeIsTheLaunchersOnTheArchivingRunToo() throws Exception {
    Result result = launch(Map.of("UNIPILE_CHAT_JAVA_OPTS", "-Dprobe.exit=3"), "verify-pact");

    assertThat(result.code()).isEqualTo(3);
    assertThat(partials()).singleElement(STRING).endsWith(".jsa." + result.pid() + ".partial");
  }

  @Test
  void aJvmWithoutABaseArchiveGetsNoCdsFlags() throws Exception {
    Path args = fakeJdk(false);

    Result result = launch(Map.of("PATH", temp.resolve("jdk/bin") + File.pathSeparator + path()), "verify-pact");

    assertThat(result.out()).isEqualTo("probe ran with verify-pact\n");
    assertThat(Files.readString(args)).doesNotContain("Archive").contains("-jar");
    assertThat(names()).noneMatch(name -> name.contains(".jsa"));
  }

  @Test
  void aJvmWithABaseArchiveGetsThem() throws Exception {
    Path args = fakeJdk(true);

    launch(Map.of("PATH", temp.resolve("jdk/bin") + File.pathSeparator + path()), "verify-pact");

    assertThat(Files.readString(args)).contains("-XX:ArchiveClassesAtExit=");
  }

  // Issue 21, item 12: the first run of a command ran java as a child, so a signal ended the script and left the
  // JVM running (holding its port) and its half-written archive behind.
  @Test
  void theJvmIsTheProcessTheCallerHoldsSoASignalEndsIt() throws Exception {
    Process launcher = start(Map.of("UNIPILE_CHAT_JAVA_OPTS", "-Dprobe.wait=60000"), "mock-server");
    long jvm = awaitPid();

    assertThat(jvm).as("the JVM's pid").isEqualTo(launcher.pid());
    launcher.destroy();
    assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("ended by SIGTERM").isTrue();
    assertThat(ProcessHandle.of(jvm).filter(ProcessHandle::isAlive)).isEmpty();
    // The signal ended the run the way an exit does: the next run puts its archive in place and uses it.
    Result next = launch(Map.of("UNIPILE_CHAT_JAVA_OPTS", "-Xshare:on"), "mock-server");
    assertThat(next.code()).isZero();
    assertThat(archives("mock-server")).hasSize(1);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void whatEndedRunsLeftIsDeletedAndWhatRunningOnesWriteIsKept() throws Exception {
    long ended = endedPid();
    String archive = "unipile-chat-cli-1.0-all.verify-pact.123.jsa";
    List<String> leftBehind = List.of(archive + "." + ended + ".partial", archive + "." + ended + ".log",
        archive + "." + ended + ".inputs", "unipile-chat-cli-1.0-all.mock-server.jsa." + ended + ".partial",
        "unipile-chat-cli-1.0-all.mock-server.jsa");
    String running = archive + "." + ProcessHandle.current().pid() + ".partial";
    for (String name : leftBehind) {
      Files.write(target().resolve(name), new byte[1024]);
    }
    Files.write(target().resolve(running), new byte[1024]);

    launch(Map.of(), "--version");

    assertThat(names()).doesNotContainAnyElementsOf(leftBehind).contains(running).doesNotContain(archive);
  }

  // Issue 21, item 14: the jar was looked for with an unquoted pattern, so from a path with a space every run
  // built with Maven and then failed to find the jar.
  @Test
  void aCheckoutWhosePathHasASpaceRunsItsJarWithoutBuilding() throws Exception {
    checkoutIn(temp.resolve("my checkout"));

    launch(Map.of(), "verify-pact");
    Result second = launch(Map.of("UNIPILE_CHAT_JAVA_OPTS", "-Xshare:on"), "verify-pact", "a b.json");

    assertThat(second.code()).isZero();
    assertThat(second.out()).isEqualTo("probe ran with verify-pact a b.json\n");
    assertThat(archives("verify-pact")).hasSize(1);
    assertThat(temp.resolve("mvn-calls.txt")).doesNotExist();
  }

  @Test
  void aFailedBuildExitsWithTheLaunchersOwnStatus() throws Exception {
    touch("cli/src/main/java/Command.java");

    Result result = launch(Map.of(), "start-chat");

    assertThat(result.code()).isEqualTo(6);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("unipile-chat: building the command line failed");
    assertThat(Files.readString(temp.resolve("mvn-calls.txt"))).contains("install");
  }

  @Test
  void javaHomeIsUsedBeforeThePath() throws Exception {
    Path args = fakeJdk(true);

    Result result = launch(Map.of("JAVA_HOME", temp.resolve("jdk").toString()), "verify-pact");

    assertThat(result.out()).isEqualTo("probe ran with verify-pact\n");
    assertThat(Files.readString(args)).contains("-jar");
  }

  @Test
  void aJavaHomeWithoutJavaIsALauncherFailure() throws Exception {
    Result result = launch(Map.of("JAVA_HOME", temp.resolve("no-jdk").toString()), "verify-pact");

    assertThat(result.code()).isEqualTo(6);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("unipile-chat: JAVA_HOME has no bin/java");
  }

  @Test
  void eachJvmKeepsAnArchiveOfItsOwn() throws Exception {
    Path usual = builtArchive();
    BasicFileAttributes before = Files.readAttributes(usual, BasicFileAttributes.class);
    fakeJdk(true);
    launch(Map.of("JAVA_HOME", temp.resolve("jdk").toString()), "verify-pact");

    Result back = launch(Map.of("UNIPILE_CHAT_JAVA_OPTS", "-Xshare:on"), "verify-pact");

    assertThat(back.code()).isZero();
    assertThat(archives("verify-pact")).hasSize(2).contains(usual);
    BasicFileAttributes after = Files.readAttributes(usual, BasicFileAttributes.class);
    assertThat(after.fileKey()).isEqualTo(before.fileKey());
    assertThat(after.lastModifiedTime()).isEqualTo(before.lastModifiedTime());
  }

  /** A checkout in {@code dir}: the script, sources older than the jar, the probe as the built jar. */
  private void checkoutIn(Path dir) throws IOException {
    root = Files.createDirectories(dir);
    Path script = root.resolve("unipile-chat");
    Files.copy(Path.of("..", "unipile-chat"), script);
    script.toFile().setExecutable(true);
    for (String source : List.of("pom.xml", "openapi/spec.json", "cli/pom.xml", "cli/src/main/java/Command.java",
        "cli/src/test/java/CommandTest.java", "contract-tests/src/main/java/Mock.java", "client-extensions/pom.xml",
        "codegen/CodegenInput.java")) {
      Path file = root.resolve(source);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x");
    }
    jar = target().resolve("unipile-chat-cli-1.0-all.jar");
    Files.createDirectories(jar.getParent());
    writeProbeJar(jar);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.toList()) {
        Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(60)));
      }
    }
    Files.setLastModifiedTime(jar, FileTime.from(BUILT));
  }

  /** The archive of verify-pact for the usual JVM, written by one run and put in place by the next. */
  private Path builtArchive() throws Exception {
    launch(Map.of(), "verify-pact");
    launch(Map.of(), "verify-pact");
    List<Path> archives = archives("verify-pact");
    assertThat(archives).hasSize(1);
    return archives.get(0);
  }

  /** The damaged archive is gone and the run wrote a new one (put in place by the next run, as always). */
  private void assertWrittenAgainBy(Result run) throws IOException {
    assertThat(archives("verify-pact")).isEmpty();
    assertThat(partials()).singleElement(STRING).endsWith(".jsa." + run.pid() + ".partial");
  }

  private static void truncateToHalf(Path archive) throws IOException {
    archive.toFile().setWritable(true);
    try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }
  }

  /** A JDK whose java records its arguments and runs the real one; with or without lib/server/classes.jsa. */
  private Path fakeJdk(boolean baseArchive) throws IOException {
    Path bin = Files.createDirectories(temp.resolve("jdk/bin"));
    Path args = temp.resolve("java-args.txt");
    Path java = bin.resolve("java");
    String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(java, "#!/bin/sh\necho \"$@\" >> '" + args + "'\nexec '" + real + "' \"$@\"\n");
    java.toFile().setExecutable(true);
    if (baseArchive) {
      Path lib = Files.createDirectories(temp.resolve("jdk/lib/server"));
      Files.writeString(lib.resolve("classes.jsa"), "");
    }
    return args;
  }

  /** The pid of a process that has ended. */
  private static long endedPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.pid();
  }

  private Path target() {
    return root.resolve("cli/target");
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(target())) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }

  /** The archives in place for a command, one per JVM (named without one before issue 21). */
  private List<Path> archives(String command) throws IOException {
    String archive = "unipile-chat-cli-1\\.0-all\\." + Pattern.quote(command) + "(\\.\\d+)?\\.jsa";
    return names().stream().filter(name -> name.matches(archive)).map(target()::resolve).toList();
  }

  /** Files of archiving runs not yet put in place or deleted: {@code <archive>.<pid>.<what>}. */
  private List<String> leftovers() throws IOException {
    return names().stream().filter(name -> name.matches(".*\\.jsa\\.\\d+\\.[a-z]+")).toList();
  }

  /** The archives written by runs and not yet put in place. */
  private List<String> partials() throws IOException {
    return leftovers().stream().filter(name -> name.endsWith(".partial")).toList();
  }

  private List<Path> crashLogs() throws IOException {
    try (Stream<Path> files = Files.list(root)) {
      return files.filter(file -> file.getFileName().toString().startsWith("hs_err")).toList();
    }
  }

  private void touch(String file) throws IOException {
    Files.setLastModifiedTime(root.resolve(file), FileTime.from(BUILT.plusSeconds(60)));
  }

  private String checkOnly() throws Exception {
    return launch(Map.of("UNIPILE_CHAT_CHECK_ONLY", "1")).out().trim();
  }

  /** The PATH the launcher gets: the failing mvn first. */
  private String path() {
    return temp.resolve("bin") + File.pathSeparator + System.getenv("PATH");
  }

  private record Result(int code, String out, String err, long pid) {}

  private Result launch(Map<String, String> env, String... args) throws Exception {
    Process process = start(env, args);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
    return new Result(process.exitValue(), Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(temp.resolve("err.txt"), StandardCharsets.UTF_8), process.pid());
  }

  /** Starts the launcher in the checkout, stdout and stderr to files; {@link #stopEverything} ends it. */
  private Process start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(root.resolve("unipile-chat").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().remove("UNIPILE_CHAT_JAVA_OPTS");
    builder.environment().remove("UNIPILE_CHAT_CDS");
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("PATH", path());
    builder.environment().putAll(env);
    Process process = builder.redirectOutput(temp.resolve("out.txt").toFile())
        .redirectError(temp.resolve("err.txt").toFile()).start();
    started.add(process.toHandle());
    return process;
  }

  /** The pid the probe printed, once it has: the JVM's own, whatever process runs it. */
  private long awaitPid() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher pid = PID.matcher(Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8));
      if (pid.find()) {
        long jvm = Long.parseLong(pid.group(1));
        ProcessHandle.of(jvm).ifPresent(started::add);
        return jvm;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the probe never printed its pid");
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
