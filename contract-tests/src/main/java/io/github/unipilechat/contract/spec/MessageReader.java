package io.github.unipilechat.contract.spec;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns swagger-request-validator's messages into field + rule violations.
 *
 * <p>For an {@code anyOf} (the three LinkedIn shapes, days-or-weeks) the validator says only "failed to match
 * at least one schema" and nests every branch's complaints. Only one branch's complaints are useful. Where the
 * branches are told apart by a property pinned to one-value enums (LinkedIn's {@code api}), the branch is the
 * one whose enum holds the sent value, or, with no value sent, the one that does not require it (classic).
 * Otherwise (days or weeks) it is the branch the instance does not contradict with the fewest complaints.
 * The verdict stays the validator's: this only chooses which words to show.
 */
final class MessageReader {
  private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'\\]\\s*");
  private static final Pattern MISSING = Pattern.compile("missing required properties \\(\\[(.*)\\]\\)");
  private static final Pattern NOT_ALLOWED = Pattern.compile("not allowed by the schema: \\[(.*)\\]");
  private static final Pattern BRANCH = Pattern.compile("^/anyOf/(\\d+)");

  private MessageReader() {}

  /**
   * @param schema the schema the pointers of this report are relative to, or null to skip branch choice
   * @param instance what was validated, for reading discriminator values; may be null
   */
  static List<Violation> violations(ValidationReport report, String side, JsonNode schema, JsonNode instance) {
    List<Violation> violations = new ArrayList<>();
    for (Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        collect(message, side, schema, instance == null ? MissingNode.getInstance() : instance, violations);
      }
    }
    return violations;
  }

  private static void collect(Message message, String side, JsonNode schema, JsonNode instance, List<Violation> out) {
    if (message.getKey().endsWith(".anyOf") && !message.getNestedMessages().isEmpty() && schema != null) {
      Map<Integer, List<Message>> branches = branches(message);
      JsonNode anyOf = schema.at(schemaPointer(message)).path("anyOf");
      JsonNode sent = instance.at(instancePointer(message));
      Optional<String> discriminator = discriminator(anyOf);
      List<Message> chosen;
      if (discriminator.isPresent()) {
        OptionalInt branch = branchFor(anyOf, discriminator.get(), sent.get(discriminator.get()));
        if (branch.isEmpty()) {
          out.add(discriminatorViolation(message, anyOf, discriminator.get(), side));
          return;
        }
        chosen = branches.getOrDefault(branch.getAsInt(), List.of());
      } else {
        List<List<Message>> fitting = branches.values().stream().filter(b -> !contradicted(b, schema)).toList();
        if (fitting.isEmpty()) {
          out.add(new Violation(field(instancePointer(message), side), "matches none of the allowed shapes"));
          return;
        }
        chosen = fitting.stream().min(Comparator.comparingInt(List::size)).orElseThrow();
      }
      if (chosen.isEmpty()) {
        // The chosen branch itself passed, so the anyOf did too: SRV only reports a failing anyOf; keep its words.
        out.add(new Violation(field(instancePointer(message), side), text(message)));
      }
      for (Message nested : chosen) {
        collect(nested, side, schema, instance, out);
      }
      if (discriminator.isPresent()) {
        hintOtherBranches(chosen, anyOf, discriminator.get(), side, out);
      }
      return;
    }
    String field = message.getKey().contains(".security.") ? "X-API-KEY" : field(instancePointer(message), side);
    String text = text(message);
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

  /** A property every branch declares with an enum, such as LinkedIn's {@code api}. */
  private static Optional<String> discriminator(JsonNode anyOf) {
    if (anyOf.size() < 2) {
      return Optional.empty();
    }
    Set<String> common = null;
    for (JsonNode branch : anyOf) {
      Set<String> pinned = new HashSet<>();
      branch.path("properties").properties().forEach(p -> {
        if (p.getValue().path("enum").isArray()) {
          pinned.add(p.getKey());
        }
      });
      if (common == null) {
        common = pinned;
      } else {
        common.retainAll(pinned);
      }
    }
    return common == null ? Optional.empty() : common.stream().sorted().findFirst();
  }

  private static OptionalInt branchFor(JsonNode anyOf, String discriminator, JsonNode value) {
    for (int i = 0; i < anyOf.size(); i++) {
      JsonNode branch = anyOf.get(i);
      if (value == null || value.isNull()) {
        if (!contains(branch.path("required"), discriminator)) {
          return OptionalInt.of(i);
        }
      } else if (contains(branch.path("properties").path(discriminator).path("enum"), value.asText())) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private static Violation discriminatorViolation(Message anyOf, JsonNode branches, String discriminator, String side) {
    List<String> values = new ArrayList<>();
    branches.forEach(b -> b.path("properties").path(discriminator).path("enum").forEach(v -> values.add(v.asText())));
    String parent = field(instancePointer(anyOf), side);
    return new Violation(parent.equals(side) ? discriminator : parent + "." + discriminator, "must be one of " + values);
  }

  /**
   * A property the chosen branch does not allow but another does (follow_up sent without api=recruiter): say
   * which discriminator value allows it, since that, not the property, is usually the mistake.
   */
  private static void hintOtherBranches(List<Message> chosen, JsonNode anyOf, String discriminator, String side, List<Violation> out) {
    for (Message message : chosen) {
      Matcher extra = NOT_ALLOWED.matcher(text(message));
      if (!message.getKey().endsWith(".additionalProperties") || !extra.find()) {
        continue;
      }
      String parent = field(instancePointer(message), side);
      for (String name : extra.group(1).split(",")) {
        String property = name.trim().replace("\"", "");
        List<String> owners = new ArrayList<>();
        anyOf.forEach(b -> {
          if (b.path("properties").has(property)) {
            b.path("properties").path(discriminator).path("enum").forEach(v -> owners.add(v.asText()));
          }
        });
        if (!owners.isEmpty()) {
          String where = parent.equals(side) ? property : parent + "." + property;
          out.add(new Violation(where, "is allowed only when " + (parent.equals(side) ? "" : parent + ".")
              + discriminator + " is " + String.join(" or ", owners)));
        }
      }
    }
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (element.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String text(Message message) {
    return PATH_PREFIX.matcher(message.getMessage()).replaceFirst("");
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
