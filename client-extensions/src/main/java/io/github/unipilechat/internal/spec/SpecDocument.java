package io.github.unipilechat.internal.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.internal.text.UntrustedText;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenAPI document whose every {@code $ref} was checked once, when it was read, and the one resolver of its
 * references. A spec may come from a pull request, so the check refuses, before anything is served or judged:
 * <ul>
 *   <li>a {@code $ref} that leaves the document ({@code http:}, {@code file:}, a relative file name): nothing is
 *       ever fetched or opened, by this code or by the schema engine, which would otherwise follow it when it
 *       compiles a schema;</li>
 *   <li>a {@code $ref} that points to nothing in the document;</li>
 *   <li>a cycle that never reaches a schema: a {@code $ref} chain that returns to itself (A to B to A), or a schema
 *       that reaches itself again through {@code $ref}, {@code allOf}, {@code anyOf}, {@code oneOf} or {@code not}
 *       alone, which any validator would follow forever. Recursion through {@code properties} or {@code items} (a
 *       tree of nodes) is a schema like any other: each step goes one level into the value, so it ends;</li>
 *   <li>a chain of more than {@value #MAX_HOPS} {@code $ref}s.</li>
 * </ul>
 * Each refusal is one line naming the JSON pointer where the {@code $ref} sits (made printable and cut), never what
 * it points to. The walks use stacks, not recursion, so a deep document cannot overflow the thread's stack.
 */
public final class SpecDocument {
  /** The longest chain of {@code $ref}s followed from one node; a checked document has none longer. */
  public static final int MAX_HOPS = 64;
  private static final int POINTER_MAX = 160;
  private static final String REF = "$ref";
  private static final String[] BRANCHES = {"allOf", "anyOf", "oneOf"};

  private final JsonNode root;

  private SpecDocument(JsonNode root) {
    this.root = root;
  }

  /**
   * The spec file {@code path}, read as {@link JsonFile#read} reads (a regular file, at most {@code maxBytes}),
   * checked as this class says.
   *
   * @throws IOException the file cannot be read, is not a JSON object, or one of its {@code $ref}s is refused; the
   *     message is the reason alone, one line, without the path
   */
  public static SpecDocument read(Path path, long maxBytes) throws IOException {
    JsonNode root = JsonFile.read(path, maxBytes);
    if (!root.isObject()) {
      throw new IOException("not a JSON object");
    }
    try {
      return of(root);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * {@code root}, checked.
   *
   * @throws IllegalArgumentException one line naming where the first refused {@code $ref} sits, and why
   */
  public static SpecDocument of(JsonNode root) {
    Objects.requireNonNull(root, "root");
    new Check(root).run();
    return new SpecDocument(root);
  }

  /** The whole document (shared; do not modify). */
  public JsonNode root() {
    return root;
  }

  /** {@code node}, or what its {@code $ref} chain leads to; never fails on a checked document. */
  public JsonNode resolve(JsonNode node) {
    return resolve(root, node);
  }

  /**
   * Follows the {@code $ref} chain from {@code node} within {@code document}: the one resolver of the project's
   * specs. A node without a textual {@code $ref} (or {@code null}) is returned as it is.
   *
   * @throws IllegalArgumentException when a reference leaves the document, points to nothing, or the chain is longer
   *     than {@value #MAX_HOPS}: only for a document that {@link #of} did not check, as a checked one has none
   */
  public static JsonNode resolve(JsonNode document, JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && ref(current) != null; hops++) {
      if (hops == MAX_HOPS) {
        throw new IllegalArgumentException("a chain of more than " + MAX_HOPS + " $refs (a cycle?)");
      }
      JsonNode target = target(document, ref(current));
      if (target == null) {
        throw new IllegalArgumentException("cannot follow the $ref '" + UntrustedText.oneLine(ref(current), 80)
            + "': only references to a place inside the document (#/...) are followed");
      }
      current = target;
    }
    return current;
  }

  /** The textual {@code $ref} of {@code node}, or null. */
  private static String ref(JsonNode node) {
    JsonNode ref = node.isObject() ? node.get(REF) : null;
    return ref != null && ref.isTextual() ? ref.asText() : null;
  }

  /** What a {@code #/...} reference points to in {@code document}; null for any other reference or a missing one. */
  private static JsonNode target(JsonNode document, String ref) {
    if (!ref.startsWith("#/")) {
      return null;
    }
    String pointer = ref.substring(1);
    try {
      if (pointer.indexOf('%') >= 0) {
        // A URI fragment may percent-encode its pointer (#/components/schemas/a%20b); '+' is not a space there.
        pointer = URLDecoder.decode(pointer.replace("+", "%2B"), StandardCharsets.UTF_8);
      }
      JsonNode target = document.at(JsonPointer.compile(pointer));
      return target.isMissingNode() ? null : target;
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  /** One walk over the whole tree, then a cycle search over the references and branches it found. */
  private static final class Check {
    private final JsonNode root;
    /** Where each node holding a $ref sits, for the message. */
    private final Map<JsonNode, Place> refs = new IdentityHashMap<>();
    /** From a node, where a validator goes without going into the value: its $ref target and its branches. */
    private final Map<JsonNode, List<JsonNode>> edges = new IdentityHashMap<>();
    /** The keys of {@link #edges} in the document's order, so that the cycle reported is always the same one. */
    private final List<JsonNode> order = new ArrayList<>();

    Check(JsonNode root) {
      this.root = root;
    }

    void run() {
      walk();
      findCycles();
      findLongChains();
    }

    private void walk() {
      Deque<Place> todo = new ArrayDeque<>();
      todo.push(new Place(root, null, null));
      List<Place> children = new ArrayList<>();
      while (!todo.isEmpty()) {
        Place place = todo.pop();
        JsonNode node = place.node();
        if (node.isObject()) {
          visit(place);
          for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> child = it.next();
            if (child.getValue().isContainerNode()) {
              children.add(new Place(child.getValue(), place, child.getKey()));
            }
          }
        } else {
          for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isContainerNode()) {
              children.add(new Place(node.get(i), place, Integer.toString(i)));
            }
          }
        }
        // Pushed last first, so the walk (and the first refusal reported) follows the document's order.
        for (int i = children.size() - 1; i >= 0; i--) {
          todo.push(children.get(i));
        }
        children.clear();
      }
    }

    private void visit(Place place) {
      JsonNode node = place.node();
      List<JsonNode> next = new ArrayList<>();
      String ref = ref(node);
      if (ref != null) {
        if (!ref.startsWith("#/")) {
          throw refused(place, "refers outside the document; only references to a place inside it (#/...) are"
              + " followed, nothing is fetched or opened");
        }
        JsonNode target = target(root, ref);
        if (target == null) {
          throw refused(place, "points to nothing in the document");
        }
        refs.put(node, place);
        next.add(target);
      }
      for (String word : BRANCHES) {
        JsonNode branches = node.get(word);
        for (int i = 0; branches != null && branches.isArray() && i < branches.size(); i++) {
          next.add(branches.get(i));
        }
      }
      JsonNode not = node.get("not");
      if (not != null && not.isObject()) {
        next.add(not);
      }
      if (!next.isEmpty()) {
        edges.put(node, next);
        order.add(node);
      }
    }

    /** Depth-first with an explicit stack: a node met again while still on the stack closes a cycle. */
    private void findCycles() {
      Map<JsonNode, Boolean> onStack = new IdentityHashMap<>(); // true: on the stack; false: done
      for (JsonNode start : order) {
        if (onStack.containsKey(start)) {
          continue;
        }
        Deque<Step> stack = new ArrayDeque<>();
        stack.push(new Step(start, edges.get(start).iterator()));
        onStack.put(start, true);
        while (!stack.isEmpty()) {
          Step top = stack.peek();
          if (!top.next().hasNext()) {
            onStack.put(top.node(), false);
            stack.pop();
            continue;
          }
          JsonNode next = top.next().next();
          Boolean state = onStack.get(next);
          if (Boolean.TRUE.equals(state)) {
            throw refused(refs.get(firstRefOnCycle(stack, next)), "is part of a cycle: following it through $ref,"
                + " allOf, anyOf, oneOf or not comes back to it without ever reaching a schema");
          }
          if (state == null) {
            List<JsonNode> out = edges.get(next);
            if (out == null) {
              onStack.put(next, false);
            } else {
              onStack.put(next, true);
              stack.push(new Step(next, out.iterator()));
            }
          }
        }
      }
    }

    /** The node holding a $ref that comes first on the cycle from {@code entry}; every cycle has one. */
    private JsonNode firstRefOnCycle(Deque<Step> stack, JsonNode entry) {
      JsonNode found = null;
      for (Step step : stack) { // from the top down to the entry of the cycle
        if (refs.containsKey(step.node())) {
          found = step.node();
        }
        if (step.node() == entry) {
          break;
        }
      }
      return found;
    }

    private void findLongChains() {
      for (JsonNode start : order) {
        JsonNode current = start;
        for (int hops = 0; ref(current) != null; hops++) {
          if (hops == MAX_HOPS) {
            throw refused(refs.get(start), "starts a chain of more than " + MAX_HOPS + " $refs");
          }
          current = target(root, ref(current));
        }
      }
    }

    private static IllegalArgumentException refused(Place place, String why) {
      String pointer = place.pointer();
      return new IllegalArgumentException("$ref " + (pointer.isEmpty() ? "at the document's root"
          : "at " + UntrustedText.oneLine(pointer, POINTER_MAX)) + " " + why);
    }
  }

  /** A node and the way to it from the root, kept as links so that a pointer is built only for a message. */
  private record Place(JsonNode node, Place parent, String key) {
    String pointer() {
      List<String> keys = new ArrayList<>();
      for (Place p = this; p.parent() != null; p = p.parent()) {
        keys.add(p.key());
      }
      StringBuilder pointer = new StringBuilder();
      for (int i = keys.size() - 1; i >= 0; i--) {
        pointer.append('/').append(keys.get(i).replace("~", "~0").replace("/", "~1"));
      }
      return pointer.toString();
    }
  }

  private record Step(JsonNode node, Iterator<JsonNode> next) {}
}
