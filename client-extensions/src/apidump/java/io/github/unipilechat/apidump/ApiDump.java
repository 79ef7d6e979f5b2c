package io.github.unipilechat.apidump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a module (public and protected types and members of its own compiled classes, {@code internal}
 * packages left out), one line each, sorted: committed as {@code api/<artifact>.api} and compared by each published
 * module's {@link PublicApiTest}, so a change to the public surface is a visible diff. Update the file with
 * {@code mvn verify -Dapi.update=true}. The parent pom adds this directory to the tests of every module that has an
 * {@code api/} folder.
 */
public final class ApiDump {
  /**
   * The typed calls generated from the spec at build time: they follow the document, whose changes the spec gate
   * reviews, so listing them here would make every provider update (or a reversed or merged copy) an API diff.
   */
  static final String GENERATED_FROM_THE_SPEC = "io.github.unipilechat.api.";

  private ApiDump() {}

  /**
   * Compares the module's classes ({@code target/classes}) with {@code api/<artifact>.api}.
   *
   * @param artifact the module's artifact id, the dump file's name
   * @throws AssertionError with the lines added and removed, and how to accept them
   */
  public static void check(String artifact) {
    Path committed = Path.of("api", artifact + ".api");
    String actual = dump(Path.of("target", "classes"));
    try {
      if (Boolean.getBoolean("api.update")) {
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, actual, StandardCharsets.UTF_8);
        return;
      }
      String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
      if (!expected.equals(actual)) {
        throw new AssertionError("The public API of " + artifact + " differs from " + committed.toAbsolutePath()
            + ".\n" + diff(expected, actual) + "If the change is meant, update the file with "
            + "mvn verify -Dapi.update=true (in this module) and commit it.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API of the classes under {@code classes}, one type per block, members sorted. */
  static String dump(Path classes) {
    TreeMap<String, List<String>> types = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        name = name.substring(0, name.length() - ".class".length());
        if (name.endsWith("module-info") || name.endsWith("package-info")
            || List.of(name.split("\\.")).contains("internal") || name.startsWith(GENERATED_FROM_THE_SPEC)) {
          continue;
        }
        Class<?> type = Class.forName(name, false, ApiDump.class.getClassLoader());
        if (visible(type)) {
          types.put(type.getName(), members(type));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder out = new StringBuilder();
    types.forEach((name, lines) -> {
      out.append(lines.get(0)).append(" {\n");
      lines.subList(1, lines.size()).forEach(line -> out.append("  ").append(line).append('\n'));
      out.append("}\n\n");
    });
    return out.toString();
  }

  /** Public, or protected in a type a user may extend, all the way out; not synthetic or anonymous. */
  private static boolean visible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (t.isSynthetic() || t.isAnonymousClass() || t.isLocalClass()
          || !(Modifier.isPublic(t.getModifiers()) || Modifier.isProtected(t.getModifiers()))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> members(Class<?> type) {
    List<String> lines = new ArrayList<>();
    lines.add(header(type));
    Set<String> sorted = new java.util.TreeSet<>();
    for (Field f : type.getDeclaredFields()) {
      if (shown(f)) {
        sorted.add(Modifier.toString(f.getModifiers()) + " " + f.getGenericType().getTypeName() + " " + f.getName());
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (shown(c) && !type.isEnum()) {
        sorted.add(c.toGenericString().replace(type.getName() + "(", "<init>("));
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (shown(m) && !m.isBridge()) {
        sorted.add(m.toGenericString().replace(type.getName() + ".", ""));
      }
    }
    lines.addAll(sorted);
    return lines;
  }

  private static boolean shown(Member member) {
    int modifiers = member.getModifiers();
    boolean synthetic = member.isSynthetic() || (member instanceof Executable e && e.isSynthetic());
    return !synthetic && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
  }

  private static String header(Class<?> type) {
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
        : type.isRecord() ? "record" : "class";
    int modifiers = type.getModifiers() & ~Modifier.INTERFACE & ~Modifier.STATIC;
    if (type.isInterface()) {
      modifiers &= ~Modifier.ABSTRACT;
    }
    StringBuilder header = new StringBuilder(Modifier.toString(modifiers)).append(' ').append(kind).append(' ')
        .append(type.getName());
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
        && !type.isRecord()) {
      header.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      header.append(type.isInterface() ? " extends " : " implements ").append(Stream.of(type.getGenericInterfaces())
          .map(java.lang.reflect.Type::getTypeName).collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      header.append(" permits ").append(Stream.of(type.getPermittedSubclasses()).map(Class::getName)
          .collect(Collectors.joining(", ")));
    }
    return header.toString().trim();
  }

  /** The lines only in {@code expected} (-) and only in {@code actual} (+), each member named with its type. */
  static String diff(String expected, String actual) {
    List<String> before = qualified(expected);
    List<String> after = qualified(actual);
    Set<String> beforeSet = new LinkedHashSet<>(before);
    Set<String> afterSet = new LinkedHashSet<>(after);
    StringBuilder out = new StringBuilder();
    after.stream().filter(line -> !beforeSet.contains(line)).forEach(line -> out.append("+ ").append(line).append('\n'));
    before.stream().filter(line -> !afterSet.contains(line)).forEach(line -> out.append("- ").append(line).append('\n'));
    return out.toString();
  }

  /** Each type's header, and each member as {@code header :: member}. */
  private static List<String> qualified(String dump) {
    List<String> lines = new ArrayList<>();
    String type = "";
    for (String line : dump.split("\n")) {
      if (line.isEmpty() || line.equals("}")) {
        continue;
      }
      if (line.startsWith(" ")) {
        lines.add(type + " :: " + line.trim());
      } else {
        type = line.endsWith(" {") ? line.substring(0, line.length() - 2) : line;
        lines.add(type);
      }
    }
    return lines;
  }
}
