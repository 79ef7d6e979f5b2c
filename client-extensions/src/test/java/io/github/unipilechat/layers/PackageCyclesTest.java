package io.github.unipilechat.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's packages only look down: read from the sources (imports and fully qualified names, javadoc links
 * included, string literals not), their dependency graph has no cycle but through one edge, the deprecated
 * {@code chatStarted()} of {@code drift.ResponseDriftException} (see the README's "How it fits together").
 */
class PackageCyclesTest {
  private static final String BASE = "io.github.unipilechat";
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern NAME = Pattern.compile("\\b" + Pattern.quote(BASE) + "(?:\\.\\w+)+");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  @Test
  void noCycleButThroughTheDeprecatedChatStartedAccessor() {
    Map<String, Map<String, Set<String>>> graph = graph(Path.of("src/main/java"));
    assertThat(graph.get(BASE + ".drift").get(BASE)).containsExactly("ResponseDriftException -> ChatStarted");

    graph.get(BASE + ".drift").remove(BASE);

    assertThat(cycles(graph)).isEmpty();
  }

  @Test
  void theSpecModelAndTheTextBelowItImportNothingAbove() {
    Map<String, Map<String, Set<String>>> graph = graph(Path.of("src/main/java"));

    assertThat(graph.get(BASE + ".internal.text").keySet()).isEmpty();
    assertThat(graph.get(BASE + ".internal.spec").keySet()).containsOnly(BASE + ".internal.text");
  }

  /** Negative control: a cycle through an import, and one through a javadoc link, are both found. */
  @Test
  void aCycleThroughAnImportOrAJavadocLinkIsFound(@TempDir Path sources) throws IOException {
    write(sources, "a/A.java", "package " + BASE + ".a;\nimport " + BASE + ".b.B;\nclass A { B b; }\n");
    write(sources, "b/B.java", "package " + BASE + ".b;\n/** {@link " + BASE + ".a.A} */\nclass B {}\n");
    write(sources, "c/C.java", "package " + BASE + ".c;\nclass C { String s = \"" + BASE + ".a.A\"; }\n");

    Map<String, Map<String, Set<String>>> graph = graph(sources);

    assertThat(cycles(graph)).containsExactly(Set.of(BASE + ".a", BASE + ".b"));
    assertThat(graph.get(BASE + ".c").keySet()).as("a name in a string is no dependency").isEmpty();
  }

  private static void write(Path root, String file, String text) throws IOException {
    Path path = root.resolve(BASE.replace('.', '/')).resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  /** Each package, with the packages it refers to and, for each, which class refers to which. */
  private static Map<String, Map<String, Set<String>>> graph(Path root) {
    Map<Path, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(file -> file.toString().endsWith(".java")).toList()) {
        sources.put(file, Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    Map<Path, String> packageOf = new HashMap<>();
    sources.forEach((file, text) -> {
      Matcher m = PACKAGE.matcher(text);
      if (m.find()) {
        graph.putIfAbsent(m.group(1), new TreeMap<>());
        packageOf.put(file, m.group(1));
      }
    });
    sources.forEach((file, text) -> {
      String from = packageOf.get(file);
      String name = file.getFileName().toString().replace(".java", "");
      Matcher m = NAME.matcher(STRING.matcher(PACKAGE.matcher(text).replaceFirst("")).replaceAll("\"\""));
      while (m.find()) {
        String[] parts = m.group().split("\\.");
        for (int i = parts.length; i > 0; i--) {
          String candidate = String.join(".", Arrays.copyOf(parts, i));
          if (graph.containsKey(candidate)) {
            boolean classOrPackage = i == parts.length || Character.isUpperCase(parts[i].charAt(0));
            if (classOrPackage && from != null && !candidate.equals(from)) {
              graph.get(from).computeIfAbsent(candidate, k -> new TreeSet<>())
                  .add(name + " -> " + (i < parts.length ? parts[i] : candidate));
            }
            break;
          }
        }
      }
    });
    return graph;
  }

  /** The strongly connected components of more than one package (Tarjan). */
  private static List<Set<String>> cycles(Map<String, Map<String, Set<String>>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> found = new ArrayList<>();
    for (String start : graph.keySet()) {
      if (!index.containsKey(start)) {
        connect(start, graph, index, low, stack, onStack, found);
      }
    }
    return found;
  }

  private static void connect(String v, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> found) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        found.add(component);
      }
    }
  }
}
