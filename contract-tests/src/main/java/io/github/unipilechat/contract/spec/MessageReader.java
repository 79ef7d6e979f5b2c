package io.github.unipilechat.contract.spec;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns swagger-request-validator's messages into field + rule violations.
 *
 * <p>For an {@code anyOf} (the three LinkedIn shapes, days-or-weeks) the validator says only "failed to match
 * at least one schema" and nests every branch's complaints. The branch meant is the one whose one-value enums
 * (such as {@code api: [recruiter]}) the instance does not contradict, with the fewest complaints; its
 * complaints are the useful ones. The verdict stays the validator's: this only chooses which words to show.
 */
final class MessageReader {
  private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'\\]\\s*");
  private static final Pattern MISSING = Pattern.compile("missing required properties \\(\\[(.*)\\]\\)");
  private static final Pattern BRANCH = Pattern.compile("^/anyOf/(\\d+)");

  private MessageReader() {}

  /** @param schema the schema the pointers of this report are relative to, or null to skip branch choice */
  static List<Violation> violations(ValidationReport report, String side, JsonNode schema) {
    List<Violation> violations = new ArrayList<>();
    for (Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        collect(message, side, schema, violations);
      }
    }
    return violations;
  }

  private static void collect(Message message, String side, JsonNode schema, List<Violation> out) {
    if (message.getKey().endsWith(".anyOf") && !message.getNestedMessages().isEmpty() && schema != null) {
      Map<Integer, List<Message>> branches = branches(message);
      List<List<Message>> fitting = branches.values().stream().filter(b -> !contradicted(b, schema)).toList();
      if (fitting.isEmpty()) {
        out.add(discriminatorViolation(message, branches, schema, side));
        return;
      }
      fitting.stream().min(Comparator.comparingInt(List::size)).orElseThrow()
          .forEach(nested -> collect(nested, side, schema, out));
      return;
    }
    String field = message.getKey().contains(".security.") ? "X-API-KEY" : field(instancePointer(message), side);
    String text = PATH_PREFIX.matcher(message.getMessage()).replaceFirst("");
    Matcher missing = MISSING.matcher(text);
    if (message.getKey().endsWith(".required") && missing.find()) {
      for (String name : missing.group(1).split(",")) {
        String property = name.trim().replace("\"", "");
        out.add(new Violation(field.equals(side) ? property : field + "." + property, "is required"));
      }
      return;
    }
    out.add(new Violation(field, text));
  }

  private static Map<Integer, List<Message>> branches(Message anyOf) {
    String base = schemaPointer(anyOf);
    Map<Integer, List<Message>> branches = new TreeMap<>();
    for (Message nested : anyOf.getNestedMessages()) {
      String pointer = schemaPointer(nested);
      if (!pointer.startsWith(base)) {
        continue;
      }
      Matcher branch = BRANCH.matcher(pointer.substring(base.length()));
      if (branch.find()) {
        branches.computeIfAbsent(Integer.parseInt(branch.group(1)), k -> new ArrayList<>()).add(nested);
      }
    }
    return branches;
  }

  /** A branch is ruled out when the instance holds another value where the branch pins one. */
  private static boolean contradicted(List<Message> branch, JsonNode schema) {
    return branch.stream().anyMatch(m -> m.getKey().endsWith(".enum") && schema.at(schemaPointer(m)).path("enum").size() == 1);
  }

  private static Violation discriminatorViolation(Message anyOf, Map<Integer, List<Message>> branches, JsonNode schema, String side) {
    List<String> values = new ArrayList<>();
    String instance = null;
    for (List<Message> branch : branches.values()) {
      for (Message m : branch) {
        JsonNode allowed = schema.at(schemaPointer(m)).path("enum");
        if (m.getKey().endsWith(".enum") && allowed.size() == 1) {
          values.add(allowed.get(0).asText());
          instance = instancePointer(m);
        }
      }
    }
    return new Violation(field(instance == null ? instancePointer(anyOf) : instance, side), "must be one of " + values);
  }

  private static String instancePointer(Message message) {
    return pointers(message).map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
  }

  private static String schemaPointer(Message message) {
    return pointers(message).map(ValidationReport.MessageContext.Pointers::getSchema).orElse("");
  }

  private static Optional<ValidationReport.MessageContext.Pointers> pointers(Message message) {
    return message.getContext().flatMap(ValidationReport.MessageContext::getPointers);
  }

  private static String field(String pointer, String side) {
    if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
      return side;
    }
    return pointer.substring(1).replace('/', '.');
  }
}
