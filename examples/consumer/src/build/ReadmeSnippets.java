import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Takes the README's code out of README.md, so the README cannot drift from the code: run by this example's build
 * (generate-test-sources) as {@code java ReadmeSnippets.java README HARNESSES GENERATED CONSUMER_DIR}.
 *
 * <p>Every ```java and ```xml block of the README is preceded by a marker line {@code <!-- example: NAME -->}:
 * <ul>
 *   <li>java: {@code src/readme/NAME.java} is the harness, the surrounding code the snippet needs (package,
 *       imports, the variables it uses). The snippet replaces the harness's {@code // README snippet} line, as
 *       written, and the result is compiled as a test source; harnesses named *Test run as tests.
 *   <li>xml (or any other language): NAME is a file of this example (e.g. {@code pom.xml}) that must contain the
 *       snippet, comments and whitespace ignored; for a POM, each {@code <dependency>} separately, and the version
 *       of this project's own artifacts is whatever the build uses.
 * </ul>
 * A block without a marker, a marker naming a missing file and a harness no block uses all fail the build.
 */
public final class ReadmeSnippets {
  private static final Pattern FENCE = Pattern.compile("^```(\\w+)\\s*$");
  private static final Pattern MARKER = Pattern.compile("^<!-- example: (\\S+) -->\\s*$");
  private static final String PLACEHOLDER = "// README snippet";
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern OWN_VERSION = Pattern.compile(
      "(<groupId>io\\.github\\.unipilechat</groupId><artifactId>[^<]+</artifactId>(?:<type>pom</type>)?)"
          + "<version>[^<]*</version>");
  private static final Pattern DEPENDENCY = Pattern.compile("<dependency>.*?</dependency>");

  public static void main(String[] args) throws IOException {
    Path readme = Path.of(args[0]);
    Path harnesses = Path.of(args[1]);
    Path generated = Path.of(args[2]);
    Path consumer = Path.of(args[3]);
    List<String> errors = new ArrayList<>();
    Set<String> used = new HashSet<>();
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    int checked = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        continue;
      }
      String language = fence.group(1);
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).startsWith("```")) {
        end++;
      }
      String where = readme.getFileName() + ":" + (i + 1);
      Matcher marker = MARKER.matcher(i > 0 ? lines.get(i - 1) : "");
      List<String> snippet = lines.subList(start, Math.min(end, lines.size()));
      i = end;
      if (!marker.matches()) {
        if (language.equals("java") || language.equals("xml")) {
          errors.add(where + ": ```" + language + " block without an <!-- example: NAME --> line above it");
        }
        continue;
      }
      String name = marker.group(1);
      checked++;
      if (language.equals("java")) {
        Path harness = harnesses.resolve(name + ".java");
        if (!Files.isRegularFile(harness)) {
          errors.add(where + ": no harness " + harness);
          continue;
        }
        if (!used.add(name)) {
          errors.add(where + ": harness " + name + " is already used by another block");
          continue;
        }
        String source = splice(Files.readString(harness), snippet, where);
        if (source == null) {
          errors.add(harness + ": no '" + PLACEHOLDER + "' line");
          continue;
        }
        Matcher pkg = PACKAGE.matcher(source);
        Path dir = pkg.find() ? generated.resolve(pkg.group(1).replace('.', '/')) : generated;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".java"), source, StandardCharsets.UTF_8);
      } else {
        Path file = consumer.resolve(name);
        if (!Files.isRegularFile(file)) {
          errors.add(where + ": no file " + file);
          continue;
        }
        String haystack = normalize(Files.readString(file));
        String block = normalize(String.join("\n", snippet));
        List<String> needles = new ArrayList<>();
        Matcher dependency = DEPENDENCY.matcher(block);
        while (dependency.find()) {
          needles.add(dependency.group());
        }
        if (needles.isEmpty()) {
          needles.add(block);
        }
        for (String needle : needles) {
          if (!haystack.contains(needle)) {
            errors.add(where + ": " + consumer.getFileName() + "/" + name + " does not contain " + needle);
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(harnesses)) {
      files.map(p -> p.getFileName().toString().replaceFirst("\\.java$", ""))
          .filter(harness -> !used.contains(harness))
          .forEach(harness -> errors.add(harnesses.resolve(harness + ".java") + ": no README block uses it"));
    }
    if (!errors.isEmpty()) {
      errors.forEach(System.err::println);
      System.exit(1);
    }
    System.out.println("README snippets: " + checked + " checked (" + used.size() + " Java, compiled into "
        + generated + ")");
  }

  /** The harness with the snippet in place of its placeholder line, indented like it; null without one. */
  private static String splice(String harness, List<String> snippet, String where) {
    StringBuilder out = new StringBuilder();
    boolean found = false;
    for (String line : harness.split("\n", -1)) {
      if (!found && line.trim().equals(PLACEHOLDER)) {
        found = true;
        String indent = line.substring(0, line.indexOf(PLACEHOLDER));
        out.append(indent).append("// from ").append(where).append('\n');
        for (String s : snippet) {
          out.append(s.isEmpty() ? "" : indent + s).append('\n');
        }
      } else {
        out.append(line).append('\n');
      }
    }
    return found ? out.substring(0, out.length() - 1) : null;
  }

  /** Comments and whitespace out, and this project's own version made free. */
  private static String normalize(String xml) {
    String flat = xml.replaceAll("(?s)<!--.*?-->", "").replaceAll(">\\s+", ">").replaceAll("\\s+<", "<")
        .replaceAll("\\s+", " ").trim();
    return OWN_VERSION.matcher(flat).replaceAll("$1<version>*</version>");
  }
}
